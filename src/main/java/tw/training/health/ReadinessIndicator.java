package tw.training.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness: DOWN the moment a dependency is known to be unreachable (from the probe or a failed request), with
 * each dependency's state, so a load balancer stops sending requests at once and an operator sees which is missing.
 * It reads the last known state and never waits for a dependency itself.
 */
@Singleton
@Readiness
class ReadinessIndicator implements HealthIndicator {

    private final Dependencies dependencies;

    ReadinessIndicator(Dependencies dependencies) {
        this.dependencies = dependencies;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<Dependency, String> down = dependencies.snapshot();
        Map<String, String> details = new LinkedHashMap<>();
        for (Dependency dependency : Dependency.values()) {
            details.put(dependency.reportedAs, down.containsKey(dependency) ? "DOWN" : "UP");
        }
        return Publishers.just(HealthResult.builder("dependencies", down.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN).details(details).build());
    }
}
