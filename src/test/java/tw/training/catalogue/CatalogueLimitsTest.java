package tw.training.catalogue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.RawHttp;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A document's size is bounded (413 past {@code app.catalogue.max-document-size}, told before the body is read),
 * and a document at the bound built to be expensive, markup in every cell, is read in time linear in its size:
 * it gets its answer, where the reader once took minutes.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueLimitsTest implements DatabaseTest {

    private static final String FRONT_DESK = "src/test/resources/documents/standard-front-desk.txt";
    private static final int LIMIT = 1024 * 1024;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    private String token;
    private RowCounts rows;

    @BeforeAll
    void signIn() {
        token = TestUsers.of(context, http).tokenFor("limits.trainer", Roles.TRAINER);
        rows = new RowCounts(dataSource, CatalogueApi.TABLES);
    }

    @Test
    void aDocumentOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Map<String, Long> before = rows.now();
        try (RawHttp client = new RawHttp(context.getBean(EmbeddedServer.class).getPort())) {
            // only the headers are sent: the answer cannot wait for a body that never comes
            client.head("POST /api/standards HTTP/1.1", "Authorization: Bearer " + token,
                    "Content-Type: text/plain; charset=UTF-8", "Content-Length: " + (LIMIT + 1), "Connection: close");
            assertEquals(413, client.status());
        }
        assertEquals(before, rows.now());
    }

    @Test
    void anEmptyDocumentIsRefusedSayingSo() throws IOException {
        try (RawHttp client = new RawHttp(context.getBean(EmbeddedServer.class).getPort())) {
            String answer = client.head("POST /api/standards HTTP/1.1", "Authorization: Bearer " + token,
                    "Content-Type: text/plain; charset=UTF-8", "Content-Length: 0", "Connection: close").answer();
            assertTrue(answer.startsWith("HTTP/1.1 422") && answer.contains("the body is empty"), answer);
        }
    }

    @Test
    void aStreamedDocumentOverTheLimitIsRefused() throws IOException {
        try (RawHttp client = new RawHttp(context.getBean(EmbeddedServer.class).getPort())) {
            client.head("POST /api/standards HTTP/1.1", "Authorization: Bearer " + token,
                    "Content-Type: text/plain; charset=UTF-8", "Transfer-Encoding: chunked", "Connection: close");
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent <= LIMIT; sent += chunk.length) {
                client.send(Integer.toHexString(chunk.length) + "\r\n").send(chunk).send("\r\n");
            }
            client.send("0\r\n\r\n");
            assertEquals(413, client.status());
        }
    }

    @Test
    void aDocumentAtTheLimitFullOfMarkupGetsItsAnswer() throws IOException {
        String document = CatalogueApi.read(FRONT_DESK).replace("TSA4224-001v2", "TSA4224-001v7");
        int room = LIMIT - document.getBytes(StandardCharsets.UTF_8).length - 16;
        // inside the first indicator's text: a run of block tags leaves one long run of spaces, inline tags gaps to close
        String markup = "<ol>".repeat(room / 8) + "<u>字</u> ".repeat(room / 32);
        String hostile = document.replaceFirst("P1\\.1\\.1 ", "P1.1.1 " + markup);
        assertTrue(hostile.getBytes(StandardCharsets.UTF_8).length <= LIMIT);
        try (RawHttp client = new RawHttp(context.getBean(EmbeddedServer.class).getPort())) {
            byte[] body = hostile.getBytes(StandardCharsets.UTF_8);
            client.head("POST /api/standards HTTP/1.1", "Authorization: Bearer " + token,
                    "Content-Type: text/plain; charset=UTF-8", "Content-Length: " + body.length, "Connection: close").send(body);
            String answer = new String(client.answer().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 201"), answer.length() > 500 ? answer.substring(0, 500) : answer);
        }
    }
}
