package tw.training.health;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Asks each dependency whether it answers, every {@code app.health.probe-interval} (2 s): this is how an outage
 * is noticed without traffic, and how its end is noticed at all.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class DependencyProbe {

    private final List<DependencyCheck> checks;
    private final Dependencies dependencies;

    DependencyProbe(List<DependencyCheck> checks, Dependencies dependencies) {
        this.checks = checks;
        this.dependencies = dependencies;
    }

    @Scheduled(fixedDelay = "${app.health.probe-interval:2s}", initialDelay = "${app.health.probe-interval:2s}")
    void probe() {
        for (DependencyCheck check : checks) {
            try {
                check.check();
                dependencies.reached(check.dependency());
            } catch (Exception e) {
                dependencies.lost(check.dependency(), Dependencies.reason(e));
            }
        }
    }
}
