package tw.training.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code course} as written; read back with its owner's username as {@link CourseRow}. */
@MappedEntity("course")
record Course(@Id @GeneratedValue @MappedProperty("course_id") @Nullable Long id, String code, String title, @Nullable String description,
              BigDecimal hours, long ownerId, boolean archived, Instant createdAt) {
}
