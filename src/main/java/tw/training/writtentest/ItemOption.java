package tw.training.writtentest;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code item_option}: an option of a choice item and whether it is correct (the key). Inserted and deleted only. */
@MappedEntity("item_option")
record ItemOption(@Id long itemId, int position, String text, boolean correct) {
}
