package tw.training.writtentest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code attempt}: a learner's attempt at a test, its deadline kept by the server, the evidence its closing recorded. */
@MappedEntity("attempt")
record Attempt(@Id @GeneratedValue @MappedProperty("attempt_id") @Nullable Long id, long testId, long enrollmentId, int attemptNumber,
               AttemptStatus status, Instant startedAt, Instant deadline, @Nullable Instant closedAt, @Nullable Long evidenceId) {
}
