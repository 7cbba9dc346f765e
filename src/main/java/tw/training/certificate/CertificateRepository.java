package tw.training.certificate;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Certificates, and what a certificate prints of the plan it was earned on. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CertificateRepository extends GenericRepository<Certificate, Long> {

    /**
     * The learner's name and the course's code and title as they were when it was issued, not as they are now. (A
     * projection's property named like one of the entity's is read from that property's column: id, replaces.)
     */
    String ROW = "SELECT c.certificate_id, c.enrollment_id, c.course_id, e.learner_id, e.revision_id, c.number, c.token, c.issued_at,"
            + " c.revoked_at, c.revocation_reason, u.username, c.learner_name AS display_name, c.course_code, c.course_title,"
            + " c.replaces_certificate_id, c.course_hours, c.provider_name, c.signatory_name, c.signatory_title, c.provider_logo_id"
            + " FROM certificate c JOIN enrollment e ON e.enrollment_id = c.enrollment_id"
            + " JOIN app_user u ON u.user_id = e.learner_id ";

    /** A certificate with whose it is and for which course. */
    @Introspected
    record Row(long id, long enrollmentId, long courseId, long learnerId, long revisionId, String number, String token, Instant issuedAt,
               @Nullable Instant revokedAt, @Nullable String revocationReason, String username, String displayName, String courseCode,
               String courseTitle, @Nullable Long replaces, BigDecimal courseHours, @Nullable String providerName, @Nullable String signatoryName,
               @Nullable String signatoryTitle, @Nullable Long providerLogoId) {
    }

    /** The course's hours now: what a certificate issued now says. */
    @Query("SELECT hours FROM course WHERE course_id = :courseId")
    BigDecimal courseHours(long courseId);

    @Query("SELECT c.course_id, c.code, c.title, COUNT(*) AS awaiting FROM course c JOIN enrollment e ON e.course_id = c.course_id"
            + " WHERE e.status = 'COMPLETED' AND NOT EXISTS (SELECT 1 FROM certificate k WHERE k.enrollment_id = e.enrollment_id)"
            + " GROUP BY c.course_id, c.code, c.title ORDER BY COUNT(*) DESC, c.code")
    List<AwaitingIssue> awaitingIssue();

    Certificate save(Certificate certificate);

    @Query(ROW + "WHERE c.number = :number")
    Optional<Row> byNumber(String number);

    @Query(ROW + "WHERE c.token = :token")
    Optional<Row> byToken(String token);

    /** The enrollment's certificate that is not revoked, if any: there is at most one. */
    @Query(ROW + "WHERE c.enrollment_id = :enrollmentId AND c.revoked_at IS NULL")
    Optional<Row> validOf(long enrollmentId);

    /** The enrollment's latest certificate, revoked or not. */
    @Query(ROW + "WHERE c.enrollment_id = :enrollmentId ORDER BY c.certificate_id DESC LIMIT 1")
    Optional<Row> latestOf(long enrollmentId);

    @Query(ROW + "WHERE e.learner_id = :learnerId ORDER BY c.issued_at, c.certificate_id")
    List<Row> ofLearner(long learnerId);

    @Query(ROW + "WHERE c.course_id = :courseId ORDER BY c.certificate_id")
    List<Row> ofCourse(long courseId);

    @Query("SELECT number FROM certificate WHERE certificate_id = :id")
    Optional<String> number(long id);

    /** Locks the enrollment's row until the transaction ends: issues for one enrollment take turns. */
    @Query("SELECT enrollment_id FROM enrollment WHERE enrollment_id = :enrollmentId FOR UPDATE")
    Optional<Long> lockEnrollment(long enrollmentId);

    /** Locks the course's row until the transaction ends: issues in one course take their numbers in turn. */
    @Query("SELECT course_id FROM course WHERE course_id = :courseId FOR UPDATE")
    Optional<Long> lockCourse(long courseId);

    /** The next sequence number of the course and year, to be read with the course locked ({@link #lockCourse}). */
    @Query("SELECT COALESCE(MAX(sequence_number), 0) + 1 FROM certificate WHERE course_id = :courseId AND issued_year = :year")
    int nextSequence(long courseId, int year);

    /** @return 1 when it was still valid (and is now revoked), else 0 */
    @Query("UPDATE certificate SET revoked_at = :at, revoked_by = :revokedBy, revocation_reason = :reason WHERE certificate_id = :id"
            + " AND revoked_at IS NULL")
    int revoke(long id, String reason, Instant at, long revokedBy);

    /** The documents of the plan the certificate was earned on. */
    @Query("SELECT DISTINCT s.code, s.name, v.version_label AS version FROM plan_indicator p JOIN indicator i ON i.indicator_id = p.indicator_id"
            + " JOIN standard s ON s.standard_id = i.standard_id LEFT JOIN standard_version v ON v.standard_id = s.standard_id AND v.is_current"
            + " WHERE p.revision_id = :revisionId ORDER BY s.code")
    List<CertificateView.Document> documents(long revisionId);

    /** An indicator of a plan with its task, and how many indicators the task has in the document and in the plan. */
    @Introspected
    record Planned(String standardCode, String taskCode, String title, @Nullable Integer competencyLevel, String indicatorCode, String content,
                   long ofTask, long planned) {
    }

    @Query("SELECT s.code AS standard_code, t.code AS task_code, t.title, t.competency_level, i.code AS indicator_code, i.content,"
            + " (SELECT COUNT(*) FROM indicator a WHERE a.task_id = t.task_id) AS of_task,"
            + " (SELECT COUNT(*) FROM plan_indicator q JOIN indicator b ON b.indicator_id = q.indicator_id"
            + " WHERE q.revision_id = p.revision_id AND b.task_id = t.task_id) AS planned"
            + " FROM plan_indicator p JOIN indicator i ON i.indicator_id = p.indicator_id JOIN task t ON t.task_id = i.task_id"
            + " JOIN standard s ON s.standard_id = t.standard_id WHERE p.revision_id = :revisionId ORDER BY s.code, t.sort_order, i.sort_order")
    List<Planned> planned(long revisionId);

    /**
     * The tasks of a revision's plan with the indicators it assessed: a task is whole when the plan holds every
     * indicator the document gives it, so that a certificate never reads as more than was assessed.
     */
    default List<CertificateView.Task> tasks(long revisionId) {
        Map<String, CertificateView.Task> tasks = new LinkedHashMap<>();
        for (Planned row : planned(revisionId)) {
            CertificateView.Task task = tasks.computeIfAbsent(row.standardCode() + ":" + row.taskCode(),
                    id -> new CertificateView.Task(id, row.title(), row.competencyLevel(), row.planned() == row.ofTask(), new ArrayList<>()));
            task.indicators().add(new CertificateView.Indicator(row.standardCode() + ":" + row.indicatorCode(), row.content()));
        }
        return List.copyOf(tasks.values());
    }

    @Query("SELECT certificate_id FROM certificate WHERE number = :number")
    Optional<Long> idOf(String number);

    /** The certificates revoked whose ids lie in [first, last], ascending: one status list's set bits. */
    @Query("SELECT certificate_id FROM certificate WHERE certificate_id BETWEEN :first AND :last AND revoked_at IS NOT NULL ORDER BY certificate_id")
    List<Long> revokedBetween(long first, long last);

    @Query("SELECT COALESCE(MAX(certificate_id), 0) FROM certificate")
    long lastId();
}
