package tw.training.moderation;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.core.annotation.Nullable;

/**
 * A row of {@code moderation_population}: one judgement of the population a sample was drawn from, with its stratum.
 * Its key is (sample, judgement); the id below is only how Micronaut Data names a row of it, never generated.
 */
@MappedEntity("moderation_population")
record PopulationRow(long sampleId, @Id long judgementId, long assessorId, long indicatorId) {
}
