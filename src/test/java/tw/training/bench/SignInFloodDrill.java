package tw.training.bench;

import tw.training.testing.LoginFrom;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 28, points 3 and 4, as figures: the packaged jar while 50 source addresses (127.0.1.1–127.0.1.50) guess one
 * account's password as fast as they can for the given seconds. Meanwhile, once a second: readiness, a signed-in
 * {@code /api/me}, and the account's owner signing in from a device that signed in before. Printed: how many guesses
 * reached a password check, the answers the guessers got, and the probes' statuses and times.
 * <p>
 * {@code mvn -q -DskipTests package && java -cp target/test-classes tw.training.bench.SignInFloodDrill 30}
 */
public final class SignInFloodDrill {

    private static final int SOURCES = 50;

    private SignInFloodDrill() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        try (UploadServer server = UploadServer.start("signin-flood", 1)) {
            int port = URI.create(server.base()).getPort();
            LoginFrom.Answer owner = LoginFrom.send(port, "127.0.0.2", "bench.learner", "benchmark passphrase");
            if (owner.status() != 200 || owner.device() == null) {
                throw new IllegalStateException("the owner's first sign-in: " + owner.status());
            }
            Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService guessers = Executors.newFixedThreadPool(SOURCES);
            for (int s = 1; s <= SOURCES; s++) {
                String source = "127.0.1." + s;
                guessers.submit(() -> {
                    for (int n = 0; System.nanoTime() < until; n++) {
                        int status = LoginFrom.send(port, source, "bench.learner", "guess " + source + " " + n).status();
                        answers.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                });
            }
            List<String> readiness = new ArrayList<>();
            List<Double> readinessMs = new ArrayList<>();
            List<Double> meMs = new ArrayList<>();
            List<String> ownerAnswers = new ArrayList<>();
            while (System.nanoTime() < until) {
                Thread.sleep(1000);
                long started = System.nanoTime();
                int ready = Api.HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                readinessMs.add((System.nanoTime() - started) / 1e6);
                readiness.add(String.valueOf(ready));
                started = System.nanoTime();
                Api.get(server.base() + "/api/me", server.learner());
                meMs.add((System.nanoTime() - started) / 1e6);
                started = System.nanoTime();
                int signedIn = LoginFrom.send(port, "127.0.0.3", "bench.learner", "benchmark passphrase", owner.device()).status();
                ownerAnswers.add(signedIn + " in " + Math.round((System.nanoTime() - started) / 1e6) + " ms");
            }
            guessers.shutdown();
            guessers.awaitTermination(1, TimeUnit.MINUTES);
            System.out.printf("%d sources for %d s: answers %s (401 = a password checked and wrong)%n", SOURCES, seconds, new TreeMap<>(answers));
            System.out.printf("readiness: %s; ms median %.1f, max %.1f%n", readiness, Api.median(readinessMs), Collections.max(readinessMs));
            System.out.printf("/api/me signed in: ms median %.1f, max %.1f%n", Api.median(meMs), Collections.max(meMs));
            System.out.println("the owner from a known device: " + ownerAnswers);
        }
    }
}
