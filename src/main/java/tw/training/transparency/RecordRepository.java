package tw.training.transparency;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The records the log's leaves are made of, read as they stand now: at appending, in the transaction that wrote them;
 * at export, as an auditor's replay will hash them. What a record may rightly change later (a piece withdrawn, a
 * certificate revoked) is left out of its leaf; a revocation is a leaf of its own.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RecordRepository extends GenericRepository<LeafRow, Long> {

    @Introspected
    record JudgementRecord(long judgementId, long evidenceId, long indicatorId, String outcome, @Nullable String comment, long assessorId,
                           Instant judgedAt, @Nullable String authenticity, @Nullable Integer evidencePieces, @Nullable Integer evidenceMethods,
                           @Nullable String rulesOverridden, @Nullable String overrideReason) {
    }

    @Query("SELECT judgement_id, evidence_id, indicator_id, outcome, comment, assessor_id, judged_at, authenticity, evidence_pieces,"
            + " evidence_methods, rules_overridden, override_reason FROM judgement WHERE judgement_id IN (:ids)")
    List<JudgementRecord> judgements(Collection<Long> ids);

    @Introspected
    record EvidenceRecord(long evidenceId, long enrollmentId, String method, String title, Instant submittedAt, @Nullable LocalDate performedOn) {
    }

    @Query("SELECT evidence_id, enrollment_id, method, title, submitted_at, performed_on FROM evidence WHERE evidence_id IN (:ids)")
    List<EvidenceRecord> evidence(Collection<Long> ids);

    @Introspected
    record ClaimRecord(long evidenceId, long indicatorId) {
    }

    @Query("SELECT evidence_id, indicator_id FROM evidence_indicator WHERE evidence_id IN (:ids) AND move_id IS NULL ORDER BY evidence_id, indicator_id")
    List<ClaimRecord> claims(Collection<Long> ids);

    @Introspected
    record FileRecord(long evidenceId, long evidenceFileId, String sha256, long sizeBytes) {
    }

    @Query("SELECT evidence_id, evidence_file_id, sha256, size_bytes FROM evidence_file WHERE evidence_id IN (:ids) ORDER BY evidence_id, evidence_file_id")
    List<FileRecord> files(Collection<Long> ids);

    @Introspected
    record IssueRecord(long certificateId, String number, long enrollmentId, long courseId, Instant issuedAt, long issuedBy, String learnerName,
                       String courseCode, String courseTitle) {
    }

    @Query("SELECT certificate_id, number, enrollment_id, course_id, issued_at, issued_by, learner_name, course_code, course_title"
            + " FROM certificate WHERE certificate_id IN (:ids)")
    List<IssueRecord> issues(Collection<Long> ids);

    @Introspected
    record RevocationRecord(long certificateId, String number, @Nullable Instant revokedAt, @Nullable Long revokedBy, @Nullable String revocationReason) {
    }

    @Query("SELECT certificate_id, number, revoked_at, revoked_by, revocation_reason FROM certificate WHERE certificate_id IN (:ids)")
    List<RevocationRecord> revocations(Collection<Long> ids);

    @Introspected
    record ReportRecord(long thirdPartyRequestId, long enrollmentId, String reportHash, Instant submittedAt) {
    }

    /** A signed report: whose, its hash, when; not its verification, which an assessor records later and may change. */
    @Query("SELECT third_party_request_id, enrollment_id, report_hash, submitted_at FROM third_party_request"
            + " WHERE third_party_request_id IN (:ids) AND report_hash IS NOT NULL")
    List<ReportRecord> reports(Collection<Long> ids);

    @Introspected
    record SampleRecord(long sampleId, long courseId, LocalDate periodFrom, LocalDate periodTo, double confidence, double errorLevel,
                        double proportion, String seed, int populationSize, String populationHash, int formulaSize, long drawnBy, Instant drawnAt) {
    }

    /** A moderation sample as drawn: what it was drawn from and with. */
    @Query("SELECT sample_id, course_id, period_from, period_to, confidence, error_level, proportion, seed, population_size, population_hash,"
            + " formula_size, drawn_by, drawn_at FROM moderation_sample WHERE sample_id IN (:ids)")
    List<SampleRecord> samples(Collection<Long> ids);

    @Introspected
    record SampledRecord(long sampleId, long judgementId) {
    }

    /** The judgements each sample drew, in order. */
    @Query("SELECT sample_id, judgement_id FROM moderation_item WHERE sample_id IN (:ids) ORDER BY sample_id, judgement_id")
    List<SampledRecord> sampled(Collection<Long> ids);

    @Introspected
    record SecondMarkingRecord(long itemId, long sampleId, long judgementId, String secondOutcome, @Nullable String secondComment, long secondBy,
                               Instant secondAt) {
    }

    /** Second markings, written once. */
    @Query("SELECT item_id, sample_id, judgement_id, second_outcome, second_comment, second_by, second_at FROM moderation_item"
            + " WHERE item_id IN (:ids) AND second_outcome IS NOT NULL")
    List<SecondMarkingRecord> secondMarkings(Collection<Long> ids);

    @Introspected
    record ResolutionRecord(long itemId, long resolutionJudgementId, long resolvedBy, Instant resolvedAt) {
    }

    /** Resolutions, written once: which item, the judgement that resolved it, by whom, when. */
    @Query("SELECT item_id, resolution_judgement_id, resolved_by, resolved_at FROM moderation_item"
            + " WHERE item_id IN (:ids) AND resolution_judgement_id IS NOT NULL")
    List<ResolutionRecord> resolutions(Collection<Long> ids);

    @Introspected
    record MoveRecord(long moveId, long enrollmentId, long fromRevisionId, long toRevisionId, String via, long movedBy, Instant movedAt) {
    }

    /** A learner's move as made (issue 35); not its reversal, which is a leaf of its own. */
    @Query("SELECT move_id, enrollment_id, from_revision_id, to_revision_id, via, moved_by, moved_at FROM learner_move WHERE move_id IN (:ids)")
    List<MoveRecord> moves(Collection<Long> ids);

    @Introspected
    record CarriedRecord(long moveId, long judgementId, long carriedFrom) {
    }

    /** The judgements each move carried, in order, each with the one it carries. */
    @Query("SELECT move_id, judgement_id, carried_from FROM judgement WHERE move_id IN (:ids) ORDER BY move_id, judgement_id")
    List<CarriedRecord> carried(Collection<Long> ids);

    @Introspected
    record ReversalRecord(long moveId, long revertedBy, Instant revertedAt) {
    }

    @Query("SELECT move_id, reverted_by, reverted_at FROM learner_move WHERE move_id IN (:ids) AND reverted_at IS NOT NULL")
    List<ReversalRecord> reversals(Collection<Long> ids);

    @Query("SELECT certificate_id FROM certificate WHERE number = :number")
    java.util.Optional<Long> certificateIdOf(String number);
}
