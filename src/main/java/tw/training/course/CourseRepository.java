package tw.training.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** Courses, their co-trainers, and what the course rules ask of users. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CourseRepository extends GenericRepository<Course, Long> {

    String WITH_OWNER = "SELECT c.*, u.username AS owner FROM course c JOIN app_user u ON u.user_id = c.owner_id ";

    Course save(Course course);

    boolean existsByCode(String code);

    /** Locks the course's row until the transaction ends: changes to one course's revisions take turns. */
    @Query("SELECT course_id FROM course WHERE course_id = :courseId FOR UPDATE")
    Optional<Long> lock(long courseId);

    @Query(WITH_OWNER + "WHERE c.course_id = :id")
    Optional<CourseRow> findCourse(long id);

    @Query(WITH_OWNER + "WHERE c.code = :code")
    Optional<CourseRow> findCourseByCode(String code);

    /** Courses the user owns or is named on, by code; every course when userId is null. */
    @Query(WITH_OWNER + "WHERE CAST(:userId AS BIGINT) IS NULL OR c.owner_id = :userId OR EXISTS (SELECT 1 FROM course_trainer t"
            + " WHERE t.course_id = c.course_id AND t.user_id = :userId) ORDER BY c.code")
    List<CourseRow> courses(@Nullable Long userId);

    @Query("SELECT c.course_id FROM course c WHERE c.course_id = :courseId AND (c.owner_id = :userId OR EXISTS"
            + " (SELECT 1 FROM course_trainer t WHERE t.course_id = c.course_id AND t.user_id = :userId))")
    List<Long> trained(long courseId, long userId);

    @Query("SELECT u.username FROM course_trainer t JOIN app_user u ON u.user_id = t.user_id WHERE t.course_id = :courseId ORDER BY u.username")
    List<String> coTrainers(long courseId);

    /** The display names of who teaches the course: its owner first, then its co-trainers by name. */
    @Query("SELECT u.display_name FROM app_user u WHERE u.user_id = (SELECT owner_id FROM course WHERE course_id = :courseId)"
            + " OR u.user_id IN (SELECT user_id FROM course_trainer WHERE course_id = :courseId)"
            + " ORDER BY CASE WHEN u.user_id = (SELECT owner_id FROM course WHERE course_id = :courseId) THEN 0 ELSE 1 END, u.display_name")
    List<String> teachers(long courseId);

    @Query("SELECT user_id FROM app_user WHERE username = :username")
    Optional<Long> userId(String username);

    /** A user's roles that may train: TRAINER, or ADMIN. */
    @Query("SELECT role FROM user_role WHERE user_id = :userId AND role IN ('TRAINER', 'ADMIN')")
    List<String> trainingRoles(long userId);

    /** Two owners naming the same trainer at once: the second insert is a no-op, not a key violation. */
    @Query("INSERT INTO course_trainer (course_id, user_id) VALUES (:courseId, :userId) ON CONFLICT DO NOTHING")
    void addTrainer(long courseId, long userId);

    @Query("DELETE FROM course_trainer WHERE course_id = :courseId AND user_id = :userId")
    int removeTrainer(long courseId, long userId);

    @Query("UPDATE course SET archived = TRUE WHERE course_id = :courseId")
    void archive(long courseId);

    default boolean isTrainer(long courseId, long userId) {
        return !trained(courseId, userId).isEmpty();
    }
}
