package tw.training.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import tw.training.database.Sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Enrollments in plain SQL, in the caller's transaction. */
@Singleton
class EnrollmentStore {

    private static final String SELECT = "SELECT e.*, u.username, u.display_name, c.code, c.title, r.revision_number"
            + " FROM enrollment e JOIN app_user u ON u.user_id = e.learner_id JOIN course c ON c.course_id = e.course_id"
            + " JOIN course_revision r ON r.revision_id = e.revision_id ";

    private final JdbcOperations jdbc;
    private final Sql sql;

    EnrollmentStore(JdbcOperations jdbc, Sql sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    record Row(EnrollmentRef ref, EnrollmentView view) {
    }

    long insert(long courseId, long revisionId, long learnerId, Instant now) {
        return jdbc.execute(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO enrollment (course_id, revision_id, learner_id,"
                    + " status, enrolled_at) VALUES (?, ?, ?, 'ACTIVE', ?)", new String[] {"enrollment_id"})) {
                insert.setLong(1, courseId);
                insert.setLong(2, revisionId);
                insert.setLong(3, learnerId);
                insert.setTimestamp(4, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /**
     * Whether the learner holds an enrollment in the course that stands: ACTIVE, or COMPLETED unless its certificate
     * was revoked (and no new one issued). A withdrawn enrollment, or one whose certificate was revoked, leaves room
     * for a new one.
     */
    boolean enrolled(long courseId, long learnerId) {
        return sql.exists("SELECT 1 FROM enrollment e WHERE e.course_id = ? AND e.learner_id = ? AND (e.status = 'ACTIVE'"
                + " OR e.status = 'COMPLETED' AND NOT (EXISTS (SELECT 1 FROM certificate c WHERE c.enrollment_id = e.enrollment_id"
                + " AND c.revoked_at IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.enrollment_id = e.enrollment_id"
                + " AND c.revoked_at IS NULL)))", courseId, learnerId);
    }

    /** Locks the learner's row until the transaction ends: enrollments of one learner take turns. */
    void lockLearner(long learnerId) {
        sql.exists("SELECT 1 FROM app_user WHERE user_id = ? FOR UPDATE", learnerId);
    }

    Optional<Row> find(long enrollmentId) {
        return select("WHERE e.enrollment_id = ?", enrollmentId).stream().findFirst();
    }

    List<Row> ofLearner(long learnerId) {
        return select("WHERE e.learner_id = ? ORDER BY e.enrolled_at, e.enrollment_id", learnerId);
    }

    List<Row> ofCourse(long courseId) {
        return select("WHERE e.course_id = ? ORDER BY u.username", courseId);
    }

    void setStatus(long enrollmentId, EnrollmentStatus status, @Nullable Instant completedAt, @Nullable Instant withdrawnAt) {
        jdbc.prepareStatement("UPDATE enrollment SET status = ?, completed_at = ?, withdrawn_at = ? WHERE enrollment_id = ?", statement -> {
            statement.setString(1, status.name());
            statement.setTimestamp(2, completedAt == null ? null : Timestamp.from(completedAt));
            statement.setTimestamp(3, withdrawnAt == null ? null : Timestamp.from(withdrawnAt));
            statement.setLong(4, enrollmentId);
            return statement.executeUpdate();
        });
    }

    private List<Row> select(String where, Object... parameters) {
        return jdbc.prepareStatement(SELECT + where, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(row(row));
                }
            }
            return rows;
        });
    }

    private static Row row(ResultSet row) throws SQLException {
        EnrollmentStatus status = EnrollmentStatus.valueOf(row.getString("status"));
        EnrollmentRef ref = new EnrollmentRef(row.getLong("enrollment_id"), row.getLong("course_id"), row.getLong("revision_id"),
                row.getLong("learner_id"), row.getString("username"), status);
        EnrollmentView view = new EnrollmentView(ref.id(), new EnrollmentView.Course(ref.courseId(), row.getString("code"), row.getString("title")),
                new EnrollmentView.Learner(ref.learner(), row.getString("display_name")), status, row.getInt("revision_number"),
                row.getTimestamp("enrolled_at").toInstant(), instant(row.getTimestamp("completed_at")), instant(row.getTimestamp("withdrawn_at")));
        return new Row(ref, view);
    }

    private static Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
