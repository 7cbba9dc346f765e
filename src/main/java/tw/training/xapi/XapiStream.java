package tw.training.xapi;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The statements in their order, derived from the records the transparency log sequenced: each piece of evidence a learner
 * shared, each judgement (those a learner move carried excepted: the move tells them), each certificate issued, at
 * {@link #DERIVED} plus twice its leaf's index; each completion, kept as a row, right after the leaf of the record that
 * brought it; the rows written before statements were derived, at their own sequence number, before all of them.
 * Written-test evidence, closed by the machine, tells no "shared" (its judgements tell what it showed).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface XapiStream extends GenericRepository<XapiStatement, Long> {

    /** The first position of a derived statement: every row written before them has a smaller sequence number. */
    long DERIVED = 1_000_000_000_000L;

    /** Every statement from leaf {@code fromLeaf} on, with what the filters read: its time, its learner, its verb. */
    String TOLD = "SELECT s.statement_seq AS position, 'ROW' AS kind, s.statement_seq AS record_id, s.stored_at AS told_at,"
            + " s.learner_id AS learner_id, s.verb AS verb FROM xapi_statement s WHERE s.cause_kind IS NULL"
            + " UNION ALL SELECT 1000000000000 + 2 * l.leaf_index, 'JUDGEMENT', j.judgement_id, j.judged_at, e.learner_id,"
            + " CASE WHEN j.outcome = 'MET' THEN :passed ELSE :failed END"
            + " FROM transparency_leaf l JOIN judgement j ON j.judgement_id = l.record_id JOIN evidence v ON v.evidence_id = j.evidence_id"
            + " JOIN enrollment e ON e.enrollment_id = v.enrollment_id"
            + " WHERE l.kind = 'JUDGEMENT' AND l.leaf_index >= :fromLeaf AND j.carried_from IS NULL"
            + " UNION ALL SELECT 1000000000000 + 2 * l.leaf_index, 'EVIDENCE', v.evidence_id, v.submitted_at, e.learner_id, :shared"
            + " FROM transparency_leaf l JOIN evidence v ON v.evidence_id = l.record_id JOIN enrollment e ON e.enrollment_id = v.enrollment_id"
            + " WHERE l.kind = 'EVIDENCE' AND l.leaf_index >= :fromLeaf AND NOT EXISTS (SELECT 1 FROM attempt a WHERE a.evidence_id = v.evidence_id)"
            + " UNION ALL SELECT 1000000000000 + 2 * l.leaf_index, 'CERTIFICATE', c.certificate_id, c.issued_at, e.learner_id, :earned"
            + " FROM transparency_leaf l JOIN certificate c ON c.certificate_id = l.record_id JOIN enrollment e ON e.enrollment_id = c.enrollment_id"
            + " WHERE l.kind = 'CERTIFICATE_ISSUED' AND l.leaf_index >= :fromLeaf"
            + " UNION ALL SELECT 1000000000001 + 2 * l.leaf_index, 'ROW', s.statement_seq, s.stored_at, s.learner_id, s.verb"
            + " FROM xapi_statement s JOIN transparency_leaf l ON l.kind = s.cause_kind AND l.record_id = s.cause_record"
            + " WHERE l.leaf_index >= :fromLeaf";

    /** Where a statement stands, and what tells it: a row's sequence number, or the id of a judgement, evidence or certificate. */
    @Introspected
    record Told(long position, String kind, long recordId) {
    }

    @Query("SELECT t.position, t.kind, t.record_id FROM (" + TOLD + ") t LEFT JOIN app_user u ON u.user_id = t.learner_id"
            + " WHERE t.position > :after"
            + " AND (CAST(:since AS TIMESTAMP WITH TIME ZONE) IS NULL OR t.told_at >= :since)"
            + " AND (CAST(:until AS TIMESTAMP WITH TIME ZONE) IS NULL OR t.told_at < :until)"
            + " AND (CAST(:learner AS VARCHAR) IS NULL OR u.username = :learner)"
            + " AND (CAST(:verb AS VARCHAR) IS NULL OR t.verb = :verb)"
            + " ORDER BY t.position FETCH FIRST :limit ROWS ONLY")
    List<Told> page(long after, long fromLeaf, @Nullable Instant since, @Nullable Instant until, @Nullable String learner, @Nullable String verb,
                    int limit, String passed, String failed, String shared, String earned);

    /** The statements after {@code after} in order, those matching each filter given. */
    default List<Told> after(long after, long firstLeaf, @Nullable Instant since, @Nullable Instant until, @Nullable String learner,
                             @Nullable String verb, int limit) {
        return page(after, fromLeaf(after, firstLeaf), since, until, learner, verb, limit, Verbs.PASSED.id, Verbs.FAILED.id, Verbs.SHARED.id,
                Verbs.EARNED.id);
    }

    /** How many statements stand after {@code after}, and the time of the earliest. */
    @Introspected
    record Waiting(long statements, @Nullable Instant oldest) {
    }

    @Query("SELECT COUNT(*) AS statements, MIN(t.told_at) AS oldest FROM (" + TOLD + ") t WHERE t.position > :after")
    Waiting waiting(long after, long fromLeaf, String passed, String failed, String shared, String earned);

    /** How many statements stand after the sender's cursor, and the time of the earliest. */
    default Waiting waiting(XapiCursor cursor) {
        return waiting(cursor.position(), fromLeaf(cursor.position(), cursor.firstLeaf()), Verbs.PASSED.id, Verbs.FAILED.id, Verbs.SHARED.id,
                Verbs.EARNED.id);
    }

    /** The first leaf a statement after {@code after} can stand on (a completion may follow the leaf of the statement before it). */
    private static long fromLeaf(long after, long firstLeaf) {
        return Math.max(firstLeaf, after < DERIVED ? 0 : (after - DERIVED) / 2);
    }

    /** An enrollment's learner and course, as a statement's actor and context name them. */
    interface Enrolled extends Statements.Learner {

        long learnerId();
    }

    @Introspected
    record JudgementTold(long judgementId, String outcome, Instant judgedAt, long evidenceId, long learnerId, String username, String displayName,
                         String courseCode, String courseTitle, String standardCode, String indicatorCode, String indicatorContent,
                         String assessorUsername, String assessorName) implements Enrolled {
    }

    @Query("SELECT j.judgement_id, j.outcome, j.judged_at, j.evidence_id, e.learner_id, u.username, u.display_name, c.code AS course_code,"
            + " c.title AS course_title, s.code AS standard_code, i.code AS indicator_code, i.content AS indicator_content,"
            + " a.username AS assessor_username, a.display_name AS assessor_name"
            + " FROM judgement j JOIN evidence v ON v.evidence_id = j.evidence_id JOIN enrollment e ON e.enrollment_id = v.enrollment_id"
            + " JOIN app_user u ON u.user_id = e.learner_id JOIN course c ON c.course_id = e.course_id"
            + " JOIN indicator i ON i.indicator_id = j.indicator_id JOIN standard s ON s.standard_id = i.standard_id"
            + " JOIN app_user a ON a.user_id = j.assessor_id WHERE j.judgement_id IN (:ids)")
    List<JudgementTold> judgements(Collection<Long> ids);

    @Introspected
    record EvidenceTold(long evidenceId, String title, String method, Instant submittedAt, long learnerId, String username, String displayName,
                        String courseCode, String courseTitle) implements Enrolled {
    }

    @Query("SELECT v.evidence_id, v.title, v.method, v.submitted_at, e.learner_id, u.username, u.display_name, c.code AS course_code,"
            + " c.title AS course_title FROM evidence v JOIN enrollment e ON e.enrollment_id = v.enrollment_id"
            + " JOIN app_user u ON u.user_id = e.learner_id JOIN course c ON c.course_id = e.course_id WHERE v.evidence_id IN (:ids)")
    List<EvidenceTold> evidence(Collection<Long> ids);

    /** An indicator a learner claimed ("KPS5294-001v4:P2.3.1"): the claims of each piece of evidence in the catalogue's order. */
    @Introspected
    record Claim(long evidenceId, String indicator) {
    }

    @Query("SELECT c.evidence_id, s.code || ':' || i.code AS indicator FROM evidence_indicator c JOIN indicator i ON i.indicator_id = c.indicator_id"
            + " JOIN standard s ON s.standard_id = i.standard_id WHERE c.evidence_id IN (:ids) AND c.move_id IS NULL"
            + " ORDER BY c.evidence_id, c.indicator_id")
    List<Claim> claims(Collection<Long> ids);

    @Introspected
    record CertificateTold(long certificateId, String number, Instant issuedAt, long learnerId, String username, String displayName,
                           String courseCode, String courseTitle) implements Enrolled {
    }

    @Query("SELECT t.certificate_id, t.number, t.issued_at, e.learner_id, u.username, u.display_name, c.code AS course_code,"
            + " c.title AS course_title FROM certificate t JOIN enrollment e ON e.enrollment_id = t.enrollment_id"
            + " JOIN app_user u ON u.user_id = e.learner_id JOIN course c ON c.course_id = e.course_id WHERE t.certificate_id IN (:ids)")
    List<CertificateTold> certificates(Collection<Long> ids);

    /** Rows, by sequence number: completions, and statements written before they were derived. */
    @Query("SELECT * FROM xapi_statement WHERE statement_seq IN (:seqs)")
    List<XapiStatement> rows(Collection<Long> seqs);

    /** One enrollment's learner and course, for a completion's statement. */
    @Introspected
    record EnrolledAs(long enrollmentId, long learnerId, String username, String displayName, String courseCode, String courseTitle)
            implements Enrolled {
    }

    @Query("SELECT e.enrollment_id, e.learner_id, u.username, u.display_name, c.code AS course_code, c.title AS course_title FROM enrollment e"
            + " JOIN app_user u ON u.user_id = e.learner_id JOIN course c ON c.course_id = e.course_id WHERE e.enrollment_id IN (:enrollmentIds)")
    List<EnrolledAs> enrolledIn(Collection<Long> enrollmentIds);
}
