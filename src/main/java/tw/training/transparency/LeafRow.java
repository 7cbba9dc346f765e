package tw.training.transparency;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code transparency_leaf}: the leaf at an index, the record it is, and its hash (hex). */
@MappedEntity("transparency_leaf")
record LeafRow(@Id long leafIndex, LeafKind kind, long recordId, String leafHash) {
}
