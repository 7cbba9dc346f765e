package tw.training.metrics;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.DatabaseTest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On an instance that has done nothing yet (issue 29, point 10): the business counters are there at 0, and liveness
 * answers UP rather than UNKNOWN.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsAtStartTest implements DatabaseTest {

    private static final String TOKEN = "scraper-token-at-start";

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("app.metrics.token", TOKEN);
        return properties;
    }

    @Test
    void theBusinessCountersAreThereAtZeroBeforeTheirFirstEvent() {
        String scraped = http.toBlocking().retrieve(HttpRequest.GET("/metrics").bearerAuth(TOKEN));
        for (String counter : List.of("competency_evidence_submitted_total 0.0", "competency_judgements_recorded_total 0.0",
                "competency_certificates_issued_total 0.0")) {
            assertTrue(scraped.contains(counter), counter);
        }
    }

    @Test
    void livenessIsUp() {
        var answer = http.toBlocking().exchange(HttpRequest.GET("/health/liveness"), String.class);
        assertEquals(200, answer.code());
        assertTrue(answer.body().contains("\"status\":\"UP\""), answer.body());
    }
}
