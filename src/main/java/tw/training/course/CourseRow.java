package tw.training.course;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;

/** A course with its owner's username. */
@Introspected
record CourseRow(long id, String code, String title, @Nullable String description, BigDecimal hours, long ownerId,
                 String owner, boolean archived, Instant createdAt) {
}
