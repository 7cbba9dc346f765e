package tw.training.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Enrollments, and their listings joined with the learner, the course and the revision. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EnrollmentRepository extends GenericRepository<Enrollment, Long> {

    String LISTING = "SELECT e.*, u.username, u.display_name, c.code, c.title, r.revision_number FROM enrollment e"
            + " JOIN app_user u ON u.user_id = e.learner_id JOIN course c ON c.course_id = e.course_id"
            + " JOIN course_revision r ON r.revision_id = e.revision_id ";

    Enrollment save(Enrollment enrollment);

    void update(@Id Long id, EnrollmentStatus status, @Nullable Instant completedAt, @Nullable Instant withdrawnAt);

    @Query(LISTING + "WHERE e.enrollment_id = :id")
    Optional<EnrollmentListing> listing(long id);

    @Query(LISTING + "WHERE e.learner_id = :learnerId ORDER BY e.enrolled_at, e.enrollment_id")
    List<EnrollmentListing> ofLearner(long learnerId);

    /** The learner's enrollment in the course, withdrawn or not (a learner enrolls in a course once at a time). */
    @Query(LISTING + "WHERE e.course_id = :courseId AND e.learner_id = :learnerId ORDER BY e.enrollment_id DESC")
    List<EnrollmentListing> ofLearnerInCourse(long courseId, long learnerId);

    @Query(LISTING + "WHERE e.course_id = :courseId ORDER BY u.username")
    List<EnrollmentListing> ofCourse(long courseId);

    /**
     * The learner's enrollments in the course that stand: ACTIVE, or COMPLETED unless its certificate was revoked (and
     * no new one issued). A withdrawn enrollment, or one whose certificate was revoked, leaves room for a new one.
     */
    @Query("SELECT e.enrollment_id FROM enrollment e WHERE e.course_id = :courseId AND e.learner_id = :learnerId AND (e.status = 'ACTIVE'"
            + " OR e.status = 'COMPLETED' AND NOT (EXISTS (SELECT 1 FROM certificate c WHERE c.enrollment_id = e.enrollment_id"
            + " AND c.revoked_at IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.enrollment_id = e.enrollment_id"
            + " AND c.revoked_at IS NULL)))")
    List<Long> standing(long courseId, long learnerId);

    /** Locks the learner's row until the transaction ends: enrollments of one learner take turns. */
    @Query("SELECT user_id FROM app_user WHERE user_id = :learnerId FOR UPDATE")
    Optional<Long> lockLearner(long learnerId);
}
