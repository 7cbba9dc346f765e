package tw.training.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A row of {@code judgement}: appended, never changed; the latest per evidence and indicator counts. A MET by an assessor
 * records what it found of the rules of evidence ({@link EvidenceRules.Recorded}); other judgements leave those empty.
 */
@MappedEntity("judgement")
record JudgementRow(@Id @GeneratedValue @MappedProperty("judgement_id") @Nullable Long id, long evidenceId, long indicatorId, Outcome outcome,
                    @Nullable String comment, long assessorId, Instant judgedAt, @Nullable Authenticity authenticity,
                    @Nullable Integer evidencePieces, @Nullable Integer evidenceMethods, @Nullable String rulesOverridden,
                    @Nullable String overrideReason) {

    /** A judgement that records nothing of the rules: a NOT_YET, or a machine's scoring. */
    JudgementRow(@Nullable Long id, long evidenceId, long indicatorId, Outcome outcome, @Nullable String comment, long assessorId, Instant judgedAt) {
        this(id, evidenceId, indicatorId, outcome, comment, assessorId, judgedAt, null, null, null, null, null);
    }
}
