package tw.training.startup;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs every {@link StartupTask} when the context has started, side by side, and returns only when all are done,
 * before the server listens: the first start creates the administrator (an Argon2 hash) while it imports the seeds,
 * each in its own transactions. The first failure stops the start as if the task had run alone.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class StartupTasks {

    private final List<StartupTask> tasks;

    StartupTasks(List<StartupTask> tasks) {
        this.tasks = tasks;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (tasks.size() < 2) {
            tasks.forEach(StartupTask::run);
            return;
        }
        ExecutorService helpers = Executors.newFixedThreadPool(tasks.size() - 1, runnable -> {
            Thread thread = new Thread(runnable, "startup-task");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> others = new ArrayList<>();
            for (StartupTask task : tasks.subList(1, tasks.size())) {
                others.add(CompletableFuture.runAsync(task::run, helpers));
            }
            RuntimeException failed = null;
            try {
                tasks.get(0).run();
            } catch (RuntimeException e) {
                failed = e;
            }
            for (CompletableFuture<Void> other : others) {
                try {
                    other.join();
                } catch (CompletionException e) {
                    if (failed == null) {
                        failed = e.getCause() instanceof RuntimeException cause ? cause : e;
                    }
                }
            }
            if (failed != null) {
                throw failed;
            }
        } finally {
            helpers.shutdown();
        }
    }
}
