package tw.training.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same work on many threads released at one moment, as many clients pressing the same button, and
 * collects what each got. The wait for their answers is a liveness bound far beyond any run, not a speed target.
 */
public final class Parallel {

    private static final long NO_ANSWER_SECONDS = 120;

    private Parallel() {
    }

    /** What {@code clients} threads answer, each running {@code work} with its index, all starting together. */
    public static <T> List<T> run(int clients, Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                answers.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return work.run(client);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get(NO_ANSWER_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client's work. */
    public interface Work<T> {
        T run(int client) throws Exception;
    }
}
