package tw.training.metrics;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.DatabaseTest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Without {@code APP_METRICS_TOKEN}, {@code /metrics} is not there for anyone (issue 28, point 14). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsOffByDefaultTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void noTokenConfiguredMeansNoMetrics() {
        for (HttpRequest<?> scrape : List.of(HttpRequest.GET("/metrics"), HttpRequest.GET("/metrics").accept("text/plain"),
                HttpRequest.GET("/metrics").bearerAuth("anything"), HttpRequest.GET("/metrics").bearerAuth(""))) {
            assertEquals(404, assertThrows(HttpClientResponseException.class, () -> http.toBlocking().retrieve(scrape)).getStatus().getCode());
        }
    }
}
