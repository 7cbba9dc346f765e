package tw.training.onboarding;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.TestUsers;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 31, acceptance 4: the forgotten-password form answers a known and an unknown address alike — the same status
 * and body — and in a similar time: 200 requests each, alternated so that whatever else the machine does falls on both
 * alike, their medians within 20% of each other. A relative measure in one run, not a time limit: the answer waits for
 * the throttles only, whatever the address.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgottenPasswordTimingTest implements DatabaseTest {

    private static final int WARM = 100;
    private static final int TIMED = 200;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Inject
    PasswordRecovery recovery;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        // what is measured is the answer's path, not the throttles' refusals
        properties.put("app.password-reset.per-address", "100000");
        properties.put("app.password-reset.per-source", "100000");
        return properties;
    }

    @Test
    void knownAndUnknownAddressesAreAnsweredAlikeInASimilarTime() throws Exception {
        TestUsers.of(context, http).create("timing.known", Roles.LEARNER);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        URI form = URI.create(server.getURL() + "/api/password/forgotten");
        List<Double> known = new ArrayList<>();
        List<Double> unknown = new ArrayList<>();
        String knownBody = null;
        String unknownBody = null;
        for (int i = 0; i < WARM + TIMED; i++) {
            for (boolean isKnown : i % 2 == 0 ? new boolean[]{true, false} : new boolean[]{false, true}) {
                String address = isKnown ? "timing.known@example.org" : "nobody" + i + "@example.org";
                long started = System.nanoTime();
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(form).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"address\":\"" + address + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
                double millis = (System.nanoTime() - started) / 1e6;
                assertEquals(202, answer.statusCode(), answer.body());
                if (isKnown) {
                    knownBody = answer.body();
                } else {
                    unknownBody = answer.body();
                }
                if (i >= WARM) {
                    (isKnown ? known : unknown).add(millis);
                }
            }
        }
        recovery.awaitWritten();
        assertEquals(knownBody, unknownBody, "the same answer");
        double knownMedian = median(known);
        double unknownMedian = median(unknown);
        System.out.printf("forgotten password, %d requests each: known median %.2f ms, unknown median %.2f ms, ratio %.2f%n", TIMED, knownMedian,
                unknownMedian, knownMedian / unknownMedian);
        assertTrue(Math.abs(knownMedian - unknownMedian) <= 0.2 * Math.min(knownMedian, unknownMedian),
                "medians within 20%: known " + knownMedian + " ms, unknown " + unknownMedian + " ms");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return (sorted.get(sorted.size() / 2) + sorted.get((sorted.size() - 1) / 2)) / 2;
    }
}
