package tw.training.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A row of {@code alignment}: a task aligned in a revision, whole or some of its indicators. */
@MappedEntity("alignment")
record Alignment(@Id @GeneratedValue @MappedProperty("alignment_id") @Nullable Long id, long revisionId, long taskId, boolean wholeTask) {
}
