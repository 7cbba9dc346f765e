package tw.training.writtentest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code written_test}: a course's test, its time limit and how many attempts a learner has. */
@MappedEntity("written_test")
record WrittenTest(@Id @GeneratedValue @MappedProperty("test_id") @Nullable Long id, long courseId, String title, int timeLimitMinutes,
                   int maxAttempts, Instant createdAt) {
}
