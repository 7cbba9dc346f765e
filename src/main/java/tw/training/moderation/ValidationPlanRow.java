package tw.training.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code course_validation}: a course's validation plan. */
@MappedEntity("course_validation")
record ValidationPlanRow(@Id long courseId, @Nullable LocalDate lastValidated, LocalDate nextDue, @Nullable Long validatorId,
                         @Nullable String complaint, long updatedBy, Instant updatedAt) {
}
