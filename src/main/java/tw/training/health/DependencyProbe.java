package tw.training.health;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks each dependency whether it answers, every {@code app.health.probe-interval} (2 s): this is how an outage
 * is noticed without traffic, and how its end is noticed at all. Each check has {@code app.health.probe-timeout} (3 s)
 * to answer, on a thread of its own: a dependency that accepts connections but never answers (frozen, partitioned) is
 * DOWN after that long, instead of holding the probe, and so every dependency's state, until its own time-outs fire.
 * A check still running at the next probe is not started again.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class DependencyProbe {

    private final List<DependencyCheck> checks;
    private final Dependencies dependencies;
    private final Duration deadline;
    private final ExecutorService checking = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "dependency-check");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Dependency, Future<?>> running = new HashMap<>();

    DependencyProbe(List<DependencyCheck> checks, Dependencies dependencies, @Value("${app.health.probe-timeout:3s}") Duration deadline) {
        this.checks = checks;
        this.dependencies = dependencies;
        this.deadline = deadline;
    }

    @Scheduled(fixedDelay = "${app.health.probe-interval:2s}", initialDelay = "${app.health.probe-interval:2s}")
    synchronized void probe() {
        for (DependencyCheck check : checks) {
            Future<?> previous = running.get(check.dependency());
            Future<?> answer = previous != null && !previous.isDone() ? previous : checking.submit(() -> {
                check.check();
                return null;
            });
            running.put(check.dependency(), answer);
        }
        long until = System.nanoTime() + deadline.toNanos();
        for (DependencyCheck check : checks) {
            Future<?> answer = running.get(check.dependency());
            try {
                answer.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
                dependencies.reached(check.dependency());
            } catch (TimeoutException silent) {
                dependencies.lost(check.dependency(), "no answer within " + deadline.toMillis() + " ms");
            } catch (ExecutionException failed) {
                dependencies.lost(check.dependency(), Dependencies.reason(failed.getCause()));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @PreDestroy
    void stop() {
        checking.shutdownNow();
    }
}
