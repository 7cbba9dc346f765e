package tw.training.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Liveness: UP while the process can answer at all. It asks no dependency (a database that is down calls for no
 * restart, only for readiness to say so); without an indicator of its own the endpoint answered {@code UNKNOWN}.
 */
@Singleton
@Liveness
class LivenessIndicator implements HealthIndicator {

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("process", HealthStatus.UP).build());
    }
}
