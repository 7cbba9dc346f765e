package tw.training.writtentest;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of {@code test_indicator}: an indicator a test tests, how many items an attempt draws for it and the share of them
 * (percent) to answer correctly for MET. Inserted and deleted only.
 */
@MappedEntity("test_indicator")
record TestIndicator(@Id long testId, long indicatorId, int sortOrder, int itemCount, int passMark) {
}
