package tw.training.transparency;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code transparency_checkpoint}: a signed checkpoint, kept. */
@MappedEntity("transparency_checkpoint")
record CheckpointRow(@Id long treeSize, String rootHash, String note, Instant signedAt) {
}
