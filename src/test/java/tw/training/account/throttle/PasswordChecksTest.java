package tw.training.account.throttle;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Password checks run on a bounded pool: past its threads and queue, a check is refused at once, never waited for. */
class PasswordChecksTest {

    @Test
    void aCheckBeyondTheThreadsAndTheQueueIsRefusedAtOnce() throws Exception {
        PasswordChecks checks = new PasswordChecks(1, 1);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<String>> first = CompletableFuture.supplyAsync(() -> checks.run(() -> {
            running.countDown();
            await(release);
            return "first";
        }), callers);
        running.await();
        // the one thread is busy: of the next two, one waits in the queue and the other is refused, whichever comes first
        List<CompletableFuture<Optional<String>>> next = new ArrayList<>();
        for (String name : List.of("second", "third")) {
            next.add(CompletableFuture.supplyAsync(() -> checks.run(() -> name), callers));
        }
        CompletableFuture.anyOf(next.toArray(CompletableFuture[]::new)).get();
        release.countDown();
        assertEquals(Optional.of("first"), first.get());
        List<Optional<String>> answers = List.of(next.get(0).get(), next.get(1).get());
        assertEquals(1, answers.stream().filter(Optional::isEmpty).count(), answers.toString());
        checks.stop();
        callers.shutdown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
