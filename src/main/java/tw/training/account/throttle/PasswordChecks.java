package tw.training.account.throttle;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sign-in's password checks run here, on a few threads of their own with a bounded queue. An Argon2 check takes tens of
 * milliseconds of a core and 16 MiB; run on the request threads, a flood of sign-ins from many addresses took every
 * core (and connections' time), so readiness answered 503 and signed-in requests waited seconds. Here at most
 * {@code threads} checks run at once and {@code queue} wait; an attempt beyond that is not checked at all, and the
 * caller answers it as throttled.
 */
@Singleton
public class PasswordChecks {

    private final ThreadPoolExecutor pool;

    PasswordChecks(@Value("${app.login.check-threads:0}") int threads, @Value("${app.login.check-queue:64}") int queue) {
        int size = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, queue)), runnable -> {
            Thread thread = new Thread(runnable, "password-check");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** The check's answer, or nothing when too many are running and waiting already. */
    public <T> Optional<T> run(Supplier<T> check) {
        Future<T> answer;
        try {
            answer = pool.submit(check::get);
        } catch (RejectedExecutionException busy) {
            return Optional.empty();
        }
        try {
            return Optional.of(answer.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a password was checked", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
