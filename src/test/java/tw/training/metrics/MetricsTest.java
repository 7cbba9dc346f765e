package tw.training.metrics;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.course.CourseFixtures;
import tw.training.testing.DatabaseTest;
import tw.training.testing.TestUsers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /metrics} in the Prometheus format: route timings, JVM, the pool and the business counters, behind its token. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest implements DatabaseTest {

    private static final String TOKEN = "scraper-token-for-the-test";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("app.metrics.token", TOKEN);
        return properties;
    }

    @Test
    void aScrapeShowsRoutesJvmPoolAndWhatTheServiceDid() {
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("metrics.trainer", Roles.TRAINER);
        long course = CourseFixtures.publishedComplaintsCourse(http, trainer, "METRICS", "度量");
        users.create("metrics.learner", Roles.LEARNER);
        Map<?, ?> enrollment = http.toBlocking().retrieve(HttpRequest.POST("/api/courses/" + course + "/enrollments",
                Map.of("username", "metrics.learner")).bearerAuth(trainer), Map.class);
        Map<?, ?> evidence = http.toBlocking().retrieve(HttpRequest.POST("/api/enrollments/" + enrollment.get("id") + "/evidence",
                MultipartBody.builder().addPart("metadata", "{\"method\":\"OBSERVATION\",\"title\":\"觀察\",\"indicators\":[\"KPS5294-001v4:P2.3.1\"]}").build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(users.tokenFor("metrics.learner", Roles.LEARNER)), Map.class);
        http.toBlocking().exchange(HttpRequest.POST("/api/evidence/" + evidence.get("id") + "/judgements",
                Map.of("indicator", "KPS5294-001v4:P2.3.1", "outcome", "MET")).bearerAuth(trainer));

        String scraped = http.toBlocking().retrieve(HttpRequest.GET("/metrics").bearerAuth(TOKEN));

        for (String meter : List.of("http_server_requests_seconds_count", "uri=\"/api/evidence/{id}/judgements\"", "jvm_memory_used_bytes",
                "hikaricp_connections", "competency_evidence_submitted_total 1.0", "competency_judgements_recorded_total 1.0",
                "competency_certificates_issued_total 0.0")) {
            assertTrue(scraped.contains(meter), meter + " in\n" + scraped.lines().filter(line -> line.startsWith("competency") || line.startsWith("http_server"))
                    .toList());
        }
    }

    @Test
    void aScraperAskingForPlainTextGetsIt() {
        for (String accept : List.of("text/plain", "text/plain;version=0.0.4", "text/plain; version=0.0.4; charset=utf-8", "*/*",
                "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")) {
            var answer = http.toBlocking().exchange(HttpRequest.GET("/metrics").bearerAuth(TOKEN).accept(accept), String.class);
            assertEquals(200, answer.code(), accept);
            assertTrue(answer.getContentType().orElseThrow().toString().startsWith("text/plain"), accept);
        }
    }

    @Test
    void withoutTheTokenThereIsNothingThere() {
        assertEquals(404, assertThrows(HttpClientResponseException.class, () -> http.toBlocking().retrieve("/metrics")).getStatus().getCode());
        assertEquals(404, assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET("/metrics").bearerAuth("wrong"))).getStatus().getCode());
    }
}
