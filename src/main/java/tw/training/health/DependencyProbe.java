package tw.training.health;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import tw.training.evidence.storage.EvidenceStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Asks each dependency whether it answers, every {@code app.health.probe-interval} (2 s): this is how an outage
 * is noticed without traffic, and how its end is noticed at all. The database is asked through the application's
 * pool, so a probe waits at most the pool's connection time-out.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class DependencyProbe {

    private final DataSource dataSource;
    private final EvidenceStore store;
    private final Dependencies dependencies;

    DependencyProbe(DataSource dataSource, EvidenceStore store, Dependencies dependencies) {
        // the pool itself: the probe runs outside any transaction or connection the application opened
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.store = store;
        this.dependencies = dependencies;
    }

    @Scheduled(fixedDelay = "${app.health.probe-interval:2s}", initialDelay = "${app.health.probe-interval:2s}")
    void probe() {
        probeDatabase();
        probeStore();
    }

    void probeDatabase() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            statement.execute("SELECT 1");
            dependencies.reached(Dependency.DATABASE);
        } catch (Exception e) {
            dependencies.lost(Dependency.DATABASE, Dependencies.reason(e));
        }
    }

    void probeStore() {
        try {
            store.check();
            dependencies.reached(Dependency.EVIDENCE_STORE);
        } catch (Exception e) {
            dependencies.lost(Dependency.EVIDENCE_STORE, Dependencies.reason(e));
        }
    }
}
