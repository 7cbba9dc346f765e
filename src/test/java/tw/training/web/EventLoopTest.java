package tw.training.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routes run off Netty's event loop: with more slow requests held inside a route than the server has event-loop
 * threads, every one of them is running and {@code /health} still answers. On the event loop, the held
 * requests would take every loop thread and neither would happen.
 */
@MicronautTest
@Property(name = "test.slow-route", value = "true")
class EventLoopTest {

    /** Far beyond any answer on a slow machine; reached only when a request can never be served. */
    private static final Duration NO_ANSWER = Duration.ofSeconds(60);

    @Inject
    EmbeddedServer server;

    @Inject
    SlowRoute.Gate gate;

    @Test
    void slowRequestsDoNotDelayHealth() throws Exception {
        // more than Netty's default of two event-loop threads per core
        int held = Runtime.getRuntime().availableProcessors() * 2 + 2;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        try {
            for (int i = 0; i < held; i++) {
                slow.add(client.sendAsync(request("/test/slow"), HttpResponse.BodyHandlers.ofString()));
            }
            assertTrue(gate.entered.tryAcquire(held, NO_ANSWER.toSeconds(), TimeUnit.SECONDS),
                    "every slow request runs at once: " + gate.entered.availablePermits() + " of " + held);

            HttpResponse<String> health = client.send(request("/health"), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, health.statusCode());
            assertTrue(slow.stream().noneMatch(CompletableFuture::isDone), "the slow requests were still held");
        } finally {
            gate.open.countDown();
        }
        for (CompletableFuture<HttpResponse<String>> answer : slow) {
            assertEquals("released", answer.get(NO_ANSWER.toSeconds(), TimeUnit.SECONDS).body());
        }
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).timeout(NO_ANSWER).build();
    }
}
