package tw.training.certificate;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.database.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The certificate table, and what a certificate prints from the catalogue. */
@Singleton
class CertificateStore {

    /** The learner's name and the course's code and title as they were when it was issued (V008), not as they are now. */
    private static final String SELECT = "SELECT c.*, e.learner_id, e.revision_id, u.username FROM certificate c"
            + " JOIN enrollment e ON e.enrollment_id = c.enrollment_id JOIN app_user u ON u.user_id = e.learner_id ";

    private final Sql sql;

    CertificateStore(Sql sql) {
        this.sql = sql;
    }

    /** A certificate row with whose it is and for which course. */
    record Row(long id, long enrollmentId, long courseId, long learnerId, long revisionId, String number, String token, Instant issuedAt,
               @Nullable Instant revokedAt, @Nullable String revocationReason, String username, String displayName, String courseCode,
               String courseTitle, @Nullable Long replaces) {
    }

    Optional<Row> byNumber(String number) {
        return one("WHERE c.number = ?", number);
    }

    Optional<Row> byToken(String token) {
        return one("WHERE c.token = ?", token);
    }

    /** The enrollment's certificate that is not revoked, if any: there is at most one. */
    Optional<Row> validOf(long enrollmentId) {
        return one("WHERE c.enrollment_id = ? AND c.revoked_at IS NULL", enrollmentId);
    }

    /** The enrollment's latest certificate, revoked or not. */
    Optional<Row> latestOf(long enrollmentId) {
        return sql.query(SELECT + "WHERE c.enrollment_id = ? ORDER BY c.certificate_id DESC", List.of(enrollmentId), CertificateStore::row)
                .stream().findFirst();
    }

    /** Locks the enrollment's row until the transaction ends: issues for one enrollment take turns. */
    void lockEnrollment(long enrollmentId) {
        sql.query("SELECT enrollment_id FROM enrollment WHERE enrollment_id = ? FOR UPDATE", List.of(enrollmentId), r -> r.getLong(1));
    }

    Optional<String> number(long certificateId) {
        return sql.query("SELECT number FROM certificate WHERE certificate_id = ?", List.of(certificateId), r -> r.getString(1)).stream().findFirst();
    }

    List<Row> ofLearner(long learnerId) {
        return sql.query(SELECT + "WHERE e.learner_id = ? ORDER BY c.issued_at, c.certificate_id", List.of(learnerId), CertificateStore::row);
    }

    List<Row> ofCourse(long courseId) {
        return sql.query(SELECT + "WHERE c.course_id = ? ORDER BY c.certificate_id", List.of(courseId), CertificateStore::row);
    }

    /** What a new certificate certifies, copied into it as it is at the moment of issue. */
    record Issue(long enrollmentId, long courseId, String courseCode, String courseTitle, String learnerName) {
    }

    /** Inserts with the next sequence number of the course and year; a concurrent issue makes this fail on a unique constraint. */
    void insert(Issue issue, String numberPrefix, String token, Instant issuedAt, int year, long issuedBy, @Nullable Long replaces) {
        int next = sql.query("SELECT COALESCE(MAX(sequence_number), 0) + 1 FROM certificate WHERE course_id = ? AND issued_year = ?",
                List.of(issue.courseId(), year), r -> r.getInt(1)).get(0);
        sql.update("INSERT INTO certificate (enrollment_id, course_id, issued_year, sequence_number, number, token, issued_at, issued_by,"
                        + " learner_name, course_code, course_title, replaces_certificate_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                issue.enrollmentId(), issue.courseId(), year, next, numberPrefix + "-" + String.format("%04d", next), token, Timestamp.from(issuedAt),
                issuedBy, issue.learnerName(), issue.courseCode(), issue.courseTitle(), replaces);
    }

    /** @return whether it was still valid (and is now revoked) */
    boolean revoke(long certificateId, String reason, Instant at, long revokedBy) {
        return sql.update("UPDATE certificate SET revoked_at = ?, revoked_by = ?, revocation_reason = ? WHERE certificate_id = ?"
                + " AND revoked_at IS NULL", Timestamp.from(at), revokedBy, reason, certificateId) == 1;
    }

    /** A document of the plan the certificate was earned on. */
    record Document(String code, String name, String version) {
    }

    List<Document> documents(long revisionId) {
        return sql.query("SELECT DISTINCT s.code, s.name, v.version_label FROM plan_indicator p JOIN indicator i ON i.indicator_id = p.indicator_id"
                + " JOIN standard s ON s.standard_id = i.standard_id LEFT JOIN standard_version v ON v.standard_id = s.standard_id AND v.is_current"
                + " WHERE p.revision_id = ? ORDER BY s.code", List.of(revisionId),
                r -> new Document(r.getString(1), r.getString(2), r.getString(3)));
    }

    /** A task of the plan, with its level. */
    /** A task of the plan: whether the plan holds all of its indicators, and those it holds. */
    record Task(String id, String title, @Nullable Integer level, boolean whole, List<Indicator> indicators) {
    }

    record Indicator(String id, String text) {
    }

    /**
     * The tasks of a revision's plan with the indicators it assessed: a task is whole when the plan holds every
     * indicator the document gives it, so that a certificate never reads as more than was assessed.
     */
    List<Task> tasks(long revisionId) {
        Map<String, Task> tasks = new LinkedHashMap<>();
        sql.query("SELECT s.code AS standard_code, t.code AS task_code, t.title, t.competency_level, i.code AS indicator_code, i.content,"
                + " (SELECT COUNT(*) FROM indicator a WHERE a.task_id = t.task_id) AS of_task,"
                + " (SELECT COUNT(*) FROM plan_indicator q JOIN indicator b ON b.indicator_id = q.indicator_id"
                + " WHERE q.revision_id = p.revision_id AND b.task_id = t.task_id) AS planned"
                + " FROM plan_indicator p JOIN indicator i ON i.indicator_id = p.indicator_id JOIN task t ON t.task_id = i.task_id"
                + " JOIN standard s ON s.standard_id = t.standard_id WHERE p.revision_id = ? ORDER BY s.code, t.sort_order, i.sort_order",
                List.of(revisionId), r -> {
                    String standard = r.getString("standard_code");
                    Task task = tasks.computeIfAbsent(standard + ":" + r.getString("task_code"), id -> {
                        try {
                            return new Task(id, r.getString("title"), (Integer) r.getObject("competency_level"),
                                    r.getLong("planned") == r.getLong("of_task"), new ArrayList<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    task.indicators().add(new Indicator(standard + ":" + r.getString("indicator_code"), r.getString("content")));
                    return task;
                });
        return List.copyOf(tasks.values());
    }

    private Optional<Row> one(String where, Object key) {
        return sql.query(SELECT + where, List.of(key), CertificateStore::row).stream().findFirst();
    }

    private static Row row(ResultSet r) throws SQLException {
        Timestamp revoked = r.getTimestamp("revoked_at");
        return new Row(r.getLong("certificate_id"), r.getLong("enrollment_id"), r.getLong("course_id"), r.getLong("learner_id"),
                r.getLong("revision_id"), r.getString("number"), r.getString("token"), r.getTimestamp("issued_at").toInstant(),
                revoked == null ? null : revoked.toInstant(), r.getString("revocation_reason"), r.getString("username"),
                r.getString("learner_name"), r.getString("course_code"), r.getString("course_title"),
                (Long) r.getObject("replaces_certificate_id", Long.class));
    }
}
