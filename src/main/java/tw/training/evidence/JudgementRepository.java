package tw.training.evidence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import tw.training.course.AssessmentMethod;

import java.util.Collection;
import java.util.List;

/** Judgements: appended one by one or in batches, read as their views (indicator id and assessor's username). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface JudgementRepository extends GenericRepository<JudgementRow, Long> {

    String VIEW = "SELECT j.*, s.code || ':' || i.code AS indicator, u.username AS assessor FROM judgement j"
            + " JOIN indicator i ON i.indicator_id = j.indicator_id JOIN standard s ON s.standard_id = i.standard_id"
            + " JOIN app_user u ON u.user_id = j.assessor_id ";

    JudgementRow save(JudgementRow judgement);

    List<JudgementRow> saveAll(Iterable<JudgementRow> judgements);

    boolean existsByEvidenceId(long evidenceId);

    /** A piece of an enrollment's evidence claiming an indicator, with the outcome of its latest judgement on it, if judged. */
    @Introspected
    record BodyPiece(long enrollmentId, long indicatorId, long evidenceId, AssessmentMethod method, @Nullable Outcome latest) {
    }

    /**
     * The bodies of evidence of some enrollments' indicators: every submitted piece claiming them, with its latest
     * judgement's outcome on the indicator (one look-up in {@code judgement_latest} each). Only the pairs asked for,
     * each as {@link #pair}: a batch over a thousand learners and fifty indicators asks for a thousand bodies, not the
     * fifty thousand of the two lists' product (whose latest outcomes cost most of the batch before, issue 36). The claims
     * are read as those of the enrollments' evidence (a subquery): joined the other way with the batch's indicators,
     * PostgreSQL hashed a scan of every claim there is (396 ms of a 1,000-judgement batch; 72 ms this way, plans printed
     * by {@code JudgementBenchmark 10000 batch-statements}).
     */
    @Query("SELECT v.enrollment_id, c.indicator_id, v.evidence_id, v.method, (SELECT j.outcome FROM judgement j"
            + " WHERE j.evidence_id = c.evidence_id AND j.indicator_id = c.indicator_id ORDER BY j.judged_at DESC, j.judgement_id DESC"
            + " LIMIT 1) AS latest FROM evidence_indicator c JOIN evidence v ON v.evidence_id = c.evidence_id"
            + " WHERE c.evidence_id IN (SELECT w.evidence_id FROM evidence w WHERE w.status = 'SUBMITTED' AND w.enrollment_id IN (:enrollmentIds))"
            + " AND v.enrollment_id * 4294967296 + c.indicator_id IN (:pairs)")
    List<BodyPiece> bodies(Collection<Long> enrollmentIds, Collection<Long> pairs);

    /** An (enrollment, indicator) pair as one number, as {@link #bodies} compares them. */
    static long pair(long enrollmentId, long indicatorId) {
        return enrollmentId * 4294967296L + indicatorId;
    }

    /** The judgements of many pieces of evidence, oldest first. */
    @Query(VIEW + "WHERE j.evidence_id IN (:evidenceIds) ORDER BY j.judged_at, j.judgement_id")
    List<Views.Judgement> of(Collection<Long> evidenceIds);
}
