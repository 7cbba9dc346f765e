package tw.training.writtentest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code test_item}: an item of a course's bank; its options and indicators are rows of their own. */
@MappedEntity("test_item")
record Item(@Id @GeneratedValue @MappedProperty("item_id") @Nullable Long id, long courseId, ItemKind kind, String stem,
            @Nullable String modelAnswer, Instant createdAt, @Nullable Instant retiredAt) {
}
