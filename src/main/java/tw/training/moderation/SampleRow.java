package tw.training.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code moderation_sample}: what a draw was made of and with, so that it can be made again. */
@MappedEntity("moderation_sample")
record SampleRow(@Id @GeneratedValue @MappedProperty("sample_id") @Nullable Long id, long courseId, LocalDate periodFrom, LocalDate periodTo,
                 double confidence, double errorLevel, double proportion, String seed, int populationSize, String populationHash,
                 int formulaSize, long drawnBy, Instant drawnAt, @Nullable String submissionKey) {
}
