package tw.training.health;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.training.account.Roles;
import tw.training.course.CourseFixtures;
import tw.training.evidence.storage.EvidenceStore;
import tw.training.testing.Parallel;
import tw.training.testing.S3Server;
import tw.training.testing.TcpRelay;
import tw.training.testing.TestDatabases;
import tw.training.testing.TestFolders;
import tw.training.testing.TestUsers;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dependency that stops answering without closing anything (issue 29, point 3): PostgreSQL and the S3 store reached
 * through a relay the test freezes, as SIGSTOP or a network partition looks. Every request that needs the frozen
 * dependency answers 503 with {@code Retry-After} within its configured bound (set short here), readiness goes DOWN
 * naming it, and once it thaws everything answers again. Without the bounds these requests wait far longer (for ever on
 * the database; about 90 s with the S3 client's own defaults: a 30 s socket time-out, three attempts), and the client
 * here, which waits a minute (forty times the bounds set), fails the test rather than see 503s.
 * The database is PostgreSQL in both runs: H2 is embedded and has no network to freeze.
 */
class PartitionTest {

    private static final Duration NO_ANSWER = Duration.ofSeconds(60);

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void aFrozenDatabaseGives503sAndReadinessDownThenRecovers() throws Exception {
        Map<String, String> database = TestDatabases.freshPostgres();
        TcpRelay relay = opened(new TcpRelay(TestDatabases.postgresPort()));
        Map<String, Object> properties = new HashMap<>(database);
        properties.putAll(TestFolders.localEvidence());
        properties.put("datasources.default.url", database.get("datasources.default.url").replaceFirst("//localhost:\\d+/", "//127.0.0.1:" + relay.port() + "/"));
        properties.put("app.database.socket-timeout", "2s");
        EmbeddedServer server = start(properties);
        HttpClient http = client(server);
        String trainer = TestUsers.of(server.getApplicationContext(), http).tokenFor("frozen.trainer", Roles.TRAINER);
        assertEquals(200, status(http, HttpRequest.GET("/api/courses").bearerAuth(trainer)));

        relay.freeze();
        List<HttpResponse<?>> answers = Parallel.run(4, client -> answer(http, HttpRequest.GET(client % 2 == 0 ? "/api/courses" : "/api/me")
                .bearerAuth(trainer)));
        for (HttpResponse<?> answer : answers) {
            assertEquals(503, answer.code(), answer.getBody(String.class).orElse(""));
            assertTrue(answer.getHeaders().contains("Retry-After"));
        }
        awaitReadiness(http, 503, "\"database\":\"DOWN\"");

        relay.thaw();
        awaitReadiness(http, 200, "\"database\":\"UP\"");
        assertEquals(200, status(http, HttpRequest.GET("/api/courses").bearerAuth(trainer)));
    }

    @Test
    void aFrozenStoreGives503sAndReadinessDownThenRecovers() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabases.fresh());
        Map<String, String> s3 = S3Server.freshBucket();
        properties.putAll(s3);
        TcpRelay relay = opened(new TcpRelay(URI.create(s3.get("app.evidence.s3.endpoint")).getPort()));
        properties.put("app.evidence.s3.endpoint", "http://127.0.0.1:" + relay.port());
        properties.put("app.evidence.s3.call-timeout", "1500ms");
        properties.put("app.evidence.s3.attempt-timeout", "700ms");
        properties.put("app.evidence.s3.socket-timeout", "1s");
        EmbeddedServer server = start(properties);
        HttpClient http = client(server);
        StoredNote note = StoredNote.upload(server.getApplicationContext(), http, "frozen");
        String learner = note.learner();
        String file = note.file();

        relay.freeze();
        HttpResponse<?> download = answer(http, HttpRequest.GET(file).bearerAuth(learner));
        HttpResponse<?> submitted = answer(http, HttpRequest.POST(note.submit(), StoredNote.body()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(learner));
        for (HttpResponse<?> refused : List.of(download, submitted)) {
            assertEquals(503, refused.code(), refused.getBody(String.class).orElse(""));
            assertTrue(refused.getHeaders().contains("Retry-After"));
        }
        awaitReadiness(http, 503, "\"evidenceStore\":\"DOWN\"");

        relay.thaw();
        awaitReadiness(http, 200, "\"evidenceStore\":\"UP\"");
        assertEquals(StoredNote.CONTENT, new String(http.toBlocking().retrieve(HttpRequest.GET(file).bearerAuth(learner), byte[].class), StandardCharsets.UTF_8));
    }

    /** The call time-out ends waiting for the store's answer, never a download being read, however slowly. */
    @Test
    void aDownloadReadMoreSlowlyThanTheCallTimeOutCompletes() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabases.fresh());
        properties.putAll(S3Server.freshBucket());
        properties.put("app.evidence.s3.call-timeout", "500ms");
        properties.put("app.evidence.s3.attempt-timeout", "400ms");
        EmbeddedServer server = start(properties);
        EvidenceStore store = server.getApplicationContext().getBean(EvidenceStore.class);
        byte[] content = new byte[2 * 1024 * 1024];
        new Random(29).nextBytes(content);
        Path staged = Files.write(Files.createTempFile("slow", ".bin"), content);
        store.put("evidence/slow/read.bin", staged, "application/octet-stream");

        byte[] read = new byte[content.length];
        try (InputStream in = store.open("evidence/slow/read.bin")) {
            int offset = in.readNBytes(read, 0, 64 * 1024);
            Thread.sleep(1200); // longer than the call time-out: a bound on the call would have broken the stream by now
            offset += in.readNBytes(read, offset, read.length - offset);
            assertEquals(content.length, offset);
        }
        assertArrayEquals(content, read);
    }

    private EmbeddedServer start(Map<String, Object> properties) {
        properties.put("app.health.probe-interval", "300ms");
        properties.put("app.health.probe-timeout", "1s");
        properties.put("app.seeds.enabled", "true");
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        opened.add(server);
        return server;
    }

    private HttpClient client(EmbeddedServer server) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(NO_ANSWER);
        return opened(HttpClient.create(server.getURL(), configuration));
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private static void awaitReadiness(HttpClient http, int status, String naming) throws InterruptedException {
        long deadline = System.nanoTime() + NO_ANSWER.toNanos();
        while (true) {
            HttpResponse<?> readiness = answer(http, HttpRequest.GET("/health/readiness"));
            if (readiness.code() == status && readiness.getBody(String.class).orElse("").contains(naming)) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "readiness never answered " + status + " with " + naming);
            Thread.sleep(100);
        }
    }

    private static int status(HttpClient http, HttpRequest<?> request) {
        return answer(http, request).code();
    }

    private static HttpResponse<?> answer(HttpClient http, HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException refused) {
            return refused.getResponse();
        }
    }
}
