package tw.training.course;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of course with its owner's username. */
record CourseRow(long id, String code, String title, @Nullable String description, BigDecimal hours, long ownerId,
                 String owner, boolean archived, Instant createdAt) {
}
