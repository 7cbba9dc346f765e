package tw.training.transparency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A row of {@code transparency_queue}: a leaf committed with its record, waiting for the sequencer to give it an index. */
@MappedEntity("transparency_queue")
record QueuedRow(@Id @GeneratedValue @MappedProperty("queue_id") @Nullable Long id, LeafKind kind, long recordId, String leafHash) {
}
