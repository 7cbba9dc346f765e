package tw.training.writtentest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code attempt_item}: an item the attempt drew for one indicator, at its place in the attempt's order, its
 * options in the order shown ("3,1,2"), the answer ("1,3", or a short answer's text), and once closed whether it was
 * correct (none for a short answer).
 */
@MappedEntity("attempt_item")
record AttemptItem(@Id long attemptId, int position, long itemId, long indicatorId, @Nullable String optionOrder, @Nullable String answer,
                   @Nullable Instant answeredAt, @Nullable Boolean correct) {
}
