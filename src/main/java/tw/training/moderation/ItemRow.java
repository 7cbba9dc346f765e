package tw.training.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A row of {@code moderation_item}: a sampled judgement, its blind second marking and, after a disagreement, the
 * judgement that resolved it. Inserted empty at the draw; each part written once by {@link ModerationRepository}.
 */
@MappedEntity("moderation_item")
record ItemRow(@Id @GeneratedValue @MappedProperty("item_id") @Nullable Long id, long sampleId, long judgementId, @Nullable String secondOutcome,
               @Nullable String secondComment, @Nullable Long secondBy, @Nullable Instant secondAt, @Nullable Long resolutionJudgementId,
               @Nullable Long resolvedBy, @Nullable Instant resolvedAt) {

    static ItemRow drawn(long sampleId, long judgementId) {
        return new ItemRow(null, sampleId, judgementId, null, null, null, null, null, null, null);
    }
}
