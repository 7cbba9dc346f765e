package tw.training.revision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code crosswalk}: between a version and the one that superseded it, who proposed, edited and confirmed it. */
@MappedEntity("crosswalk")
record CrosswalkRow(@Id @GeneratedValue @MappedProperty("crosswalk_id") @Nullable Long id, long fromStandardId, long toStandardId,
                    CrosswalkStatus status, long proposedBy, Instant proposedAt, @Nullable Long reviewedBy, @Nullable Instant reviewedAt,
                    @Nullable Long confirmedBy, @Nullable Instant confirmedAt) {
}
