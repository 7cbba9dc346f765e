package tw.training.learning;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code material_done}: the learner of the enrollment studied the material (first at {@code doneAt}). Only inserted. */
@MappedEntity("material_done")
record MaterialDone(@Id long enrollmentId, long materialId, Instant doneAt) {
}
