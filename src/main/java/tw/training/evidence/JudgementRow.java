package tw.training.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code judgement}: appended, never changed; the latest per evidence and indicator counts. */
@MappedEntity("judgement")
record JudgementRow(@Id @GeneratedValue @MappedProperty("judgement_id") @Nullable Long id, long evidenceId, long indicatorId, Outcome outcome,
                    @Nullable String comment, long assessorId, Instant judgedAt) {
}
