package tw.training.moderation;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of {@code moderation_population}: one judgement of the population a sample was drawn from, with its stratum.
 * Its key is (sample, judgement); the id below is only how Micronaut Data names a row of it, never generated.
 */
@MappedEntity("moderation_population")
record PopulationRow(long sampleId, @Id long judgementId, long assessorId, long indicatorId) {
}
