package tw.training.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import tw.training.course.AssessmentMethod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the evidence API takes and answers (SPEC §4). */
public final class Views {

    private Views() {
    }

    /**
     * The {@code metadata} part of a submission.
     *
     * @param performedOn the day the work was performed (yyyy-mm-dd), for the currency rule; absent: the day it is submitted
     */
    @Serdeable
    public record SubmitMetadata(@Nullable String method, @Nullable String title, @Nullable String description,
                                 @Nullable List<String> indicators, @Nullable String submissionKey, @Nullable String performedOn) {

        public SubmitMetadata(@Nullable String method, @Nullable String title, @Nullable String description, @Nullable List<String> indicators) {
            this(method, title, description, indicators, null, null);
        }
    }

    @Serdeable
    public record Evidence(long id, long enrollmentId, AssessmentMethod method, String title, @Nullable String description,
                           EvidenceStatus status, List<String> indicators, List<File> files, Instant submittedAt,
                           @Nullable Instant withdrawnAt, List<Judgement> judgements, LocalDate performedOn) {
    }

    @Serdeable
    public record File(long id, String filename, long size, String sha256, String contentType) {
    }

    /**
     * A judgement with who made it and when; the latest per evidence and indicator is the one that counts. A MET by an
     * assessor also carries what it recorded of the rules of evidence ({@link EvidenceRules}); the others carry none.
     *
     * @param authenticity    how authenticity was established ({@link Authenticity}); none on a written test's scoring
     * @param evidencePieces  the pieces in the body of evidence the MET rested on (sufficiency)
     * @param evidenceMethods their distinct methods
     * @param rulesOverridden the rules the assessor set aside (SUFFICIENT, CURRENT, AUTHENTIC, comma-separated)
     * @param overrideReason  why
     */
    @Serdeable
    public record Judgement(long id, long evidenceId, String indicator, Outcome outcome, @Nullable String comment,
                            String assessor, Instant judgedAt, @Nullable String authenticity, @Nullable Integer evidencePieces,
                            @Nullable Integer evidenceMethods, @Nullable String rulesOverridden, @Nullable String overrideReason) {
    }

    /**
     * SPEC §4: {@code POST /api/evidence/{id}/judgements}; for a MET, how authenticity was established (absent: the
     * method's usual way, {@link Authenticity#usual}) and, to set aside a rule of evidence it breaks, the reason.
     */
    @Serdeable
    public record JudgeRequest(@Nullable String indicator, @Nullable String outcome, @Nullable String comment,
                               @Nullable String authenticity, @Nullable String reason) {

        public JudgeRequest(@Nullable String indicator, @Nullable String outcome, @Nullable String comment) {
            this(indicator, outcome, comment, null, null);
        }
    }

    /** One element of {@code POST /api/courses/{id}/judgements}, with what {@link JudgeRequest} takes. */
    @Serdeable
    public record BatchJudgement(@Nullable Long evidenceId, @Nullable String indicator, @Nullable String outcome,
                                 @Nullable String comment, @Nullable String authenticity, @Nullable String reason) {

        public BatchJudgement(@Nullable Long evidenceId, @Nullable String indicator, @Nullable String outcome, @Nullable String comment) {
            this(evidenceId, indicator, outcome, comment, null, null);
        }
    }

    /** A line of the assessors' queue: evidence with claimed indicators nobody has judged yet. */
    @Serdeable
    public record Awaiting(long evidenceId, long enrollmentId, String learner, AssessmentMethod method, String title,
                           Instant submittedAt, List<String> unjudgedIndicators) {
    }
}
