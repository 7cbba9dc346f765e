package tw.training.evidence;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * Judgements were appended, each as written: the progress ledger changes by them, the transparency log hashes them, and
 * only their (enrollment, indicator) pairs can have changed anyone's progress.
 */
public record JudgementsRecorded(List<Recorded> judgements) {

    /**
     * One judgement as recorded: every field of its row, as written (the transparency log hashes it from here rather
     * than reading the row back in the same transaction).
     */
    public record Recorded(long judgementId, long enrollmentId, long evidenceId, long indicatorId, Outcome outcome, long assessorId,
                           Instant judgedAt, @Nullable String comment, @Nullable Authenticity authenticity, @Nullable Integer evidencePieces,
                           @Nullable Integer evidenceMethods, @Nullable String rulesOverridden, @Nullable String overrideReason) {

        /** The row just saved, of a learner's enrollment. */
        static Recorded of(JudgementRow row, long enrollmentId) {
            return new Recorded(row.id(), enrollmentId, row.evidenceId(), row.indicatorId(), row.outcome(), row.assessorId(), row.judgedAt(),
                    row.comment(), row.authenticity(), row.evidencePieces(), row.evidenceMethods(), row.rulesOverridden(), row.overrideReason());
        }
    }

    public JudgementsRecorded {
        judgements = List.copyOf(judgements);
    }
}
