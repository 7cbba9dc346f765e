package tw.training.writtentest;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code item_indicator}: an indicator of the plan the item tests. Inserted and deleted only. */
@MappedEntity("item_indicator")
record ItemIndicator(@Id long itemId, long indicatorId) {
}
