package tw.training.moderation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Validation plans, and what happened in a course since a day: the risk triggers. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ValidationPlanRepository extends GenericRepository<ValidationPlanRow, Long> {

    Optional<ValidationPlanRow> findById(long courseId);

    /** The course's row, if it has none yet; nothing otherwise. */
    @Query("INSERT INTO course_validation (course_id, next_due, updated_by, updated_at) VALUES (:courseId, :nextDue, :updatedBy, :updatedAt)"
            + " ON CONFLICT DO NOTHING")
    void createIfAbsent(long courseId, java.time.LocalDate nextDue, long updatedBy, Instant updatedAt);

    ValidationPlanRow update(ValidationPlanRow row);

    /** Assessors (not the machine) whose first judgement in the course came after {@code since}: new assessors. */
    @Query("SELECT u.username FROM judgement j JOIN evidence v ON v.evidence_id = j.evidence_id JOIN enrollment e ON e.enrollment_id = v.enrollment_id"
            + " JOIN app_user u ON u.user_id = j.assessor_id WHERE e.course_id = :courseId AND u.username <> '(system)'"
            + " GROUP BY u.username HAVING MIN(j.judged_at) > :since ORDER BY u.username")
    List<String> newAssessors(long courseId, Instant since);

    /** Revisions of the course's plan published after {@code since}. */
    @Query("SELECT revision_number FROM course_revision WHERE course_id = :courseId AND published_at > :since ORDER BY revision_number")
    List<Integer> publishedSince(long courseId, Instant since);
}
