package tw.training.writtentest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A row of {@code written_test}: a course's test, its time limit, how many attempts a learner has, when they see
 * right and wrong and the key (V019), and when it closes, if it does.
 */
@MappedEntity("written_test")
record WrittenTest(@Id @GeneratedValue @MappedProperty("test_id") @Nullable Long id, long courseId, String title, int timeLimitMinutes,
                   int maxAttempts, Instant createdAt, ReviewTime showCorrect, ReviewTime showKey, @Nullable Instant closesAt) {
}
