package tw.training.health;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.course.CourseFixtures;
import tw.training.testing.DatabaseTest;
import tw.training.testing.S3Server;
import tw.training.testing.TcpRelay;
import tw.training.testing.TestUsers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The S3 store reached through a relay the test cuts: evidence routes answer 503 with {@code Retry-After} while it
 * is away, readiness names it, the rest of the API goes on, and everything works again once it is back.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceStoreOutageTest implements DatabaseTest {

    private static final Duration NO_ANSWER = Duration.ofSeconds(60);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private TcpRelay relay;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.putAll(S3Server.freshBucket());
        URI endpoint = URI.create(properties.get("app.evidence.s3.endpoint"));
        try {
            relay = new TcpRelay(endpoint.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("app.evidence.s3.endpoint", "http://127.0.0.1:" + relay.port());
        properties.put("app.health.probe-interval", "300ms");
        return properties;
    }

    @AfterAll
    void closeRelay() throws IOException {
        relay.close();
    }

    @Test
    void evidenceAnswers503WhileTheStoreIsAwayAndWorksOnceItIsBack() throws Exception {
        StoredNote note = StoredNote.upload(context, http, "store");
        String learner = note.learner();
        String file = note.file();

        relay.hangUp();
        HttpClientResponseException download = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(file).bearerAuth(learner), byte[].class));
        HttpClientResponseException upload = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST(note.submit(), StoredNote.body()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(learner)));
        HttpClientResponseException readiness = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/health/readiness"), String.class));
        Map<?, ?> unaffected = http.toBlocking().retrieve(HttpRequest.GET("/api/evidence/" + note.evidence()).bearerAuth(learner), Map.class);

        for (HttpClientResponseException refused : List.of(download, upload)) {
            assertEquals(503, refused.getStatus().getCode(), refused.getResponse().getBody(String.class).orElse(""));
            assertTrue(refused.getResponse().getHeaders().contains("Retry-After"));
        }
        assertEquals(503, readiness.getStatus().getCode());
        String report = readiness.getResponse().getBody(String.class).orElse("");
        assertTrue(report.contains("\"evidenceStore\":\"DOWN\"") && report.contains("\"database\":\"UP\""), report);
        assertEquals(note.evidence(), unaffected.get("id"), "what needs only the database goes on");

        relay.answer();
        long deadline = System.nanoTime() + NO_ANSWER.toNanos();
        while (!isReady()) {
            assertTrue(System.nanoTime() < deadline, "readiness never came back");
            Thread.sleep(100);
        }
        byte[] bytes = http.toBlocking().retrieve(HttpRequest.GET(file).bearerAuth(learner), byte[].class);
        assertEquals(StoredNote.CONTENT, new String(bytes, StandardCharsets.UTF_8));
    }

    private boolean isReady() {
        try {
            return http.toBlocking().exchange(HttpRequest.GET("/health/readiness"), String.class).getStatus().getCode() == 200;
        } catch (HttpClientResponseException notYet) {
            return false;
        }
    }
}
