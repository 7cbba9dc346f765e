package tw.training.moderation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** Who moderates which course. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ModeratorRepository extends GenericRepository<ModeratorRow, Long> {

    boolean existsByCourseIdAndUserId(long courseId, long userId);

    /** Grants the role; granting it again changes nothing (the same form sent twice, two administrators at once). */
    @Query("INSERT INTO course_moderator (course_id, user_id, granted_by, granted_at) VALUES (:courseId, :userId, :grantedBy, :grantedAt)"
            + " ON CONFLICT DO NOTHING")
    void grant(long courseId, long userId, long grantedBy, Instant grantedAt);

    void deleteByCourseIdAndUserId(long courseId, long userId);

    /** A moderator of a course, as listed. */
    @Introspected
    record Listed(String username, String displayName, Instant grantedAt) {
    }

    @Query("SELECT u.username, u.display_name, m.granted_at FROM course_moderator m JOIN app_user u ON u.user_id = m.user_id"
            + " WHERE m.course_id = :courseId ORDER BY u.username")
    List<Listed> listed(long courseId);

    /** The courses a user moderates, by id. */
    @Query("SELECT course_id FROM course_moderator WHERE user_id = :userId ORDER BY course_id")
    List<Long> coursesOf(long userId);
}
