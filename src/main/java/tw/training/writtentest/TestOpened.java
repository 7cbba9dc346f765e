package tw.training.writtentest;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A written test was made on a course: published in the transaction that made it. */
public record TestOpened(long testId, long courseId, String title, @Nullable Instant closesAt) {
}
