package tw.training.account;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.DatabaseTest;
import tw.training.testing.RawHttp;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /login} is rate-limited per source address and as a whole (in password checks), whatever the usernames tried.
 * The periods are an hour, so nothing refills while the test runs.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginRateTest implements DatabaseTest {

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("app.login.rate.all", "6");
        properties.put("app.login.rate.all-period", "1h");
        properties.put("app.login.rate.per-source", "3");
        properties.put("app.login.rate.per-source-period", "1h");
        return properties;
    }

    @Test
    void eachSourceAndLoginAsAWholeAreLimited() throws Exception {
        List<Integer> first = List.of(attempt("127.0.0.3", "a.user"), attempt("127.0.0.3", "b.user"), attempt("127.0.0.3", "c.user"));
        String overSource = answer("127.0.0.3", "d.user");
        List<Integer> second = List.of(attempt("127.0.0.4", "e.user"), attempt("127.0.0.4", "f.user"));
        int sixth = attempt("127.0.0.5", "g.user");
        String overAll = answer("127.0.0.5", "h.user");

        assertEquals(List.of(401, 401, 401), first);
        assertTrue(overSource.startsWith("HTTP/1.1 429") && overSource.contains("Retry-After: "), overSource);
        assertEquals(List.of(401, 401), second, "another source still gets its turn");
        assertEquals(401, sixth, "the attempt refused at its source took no password check from the six of all /login");
        assertTrue(overAll.startsWith("HTTP/1.1 429") && overAll.contains("Retry-After: "), overAll);
        assertTrue(overAll.contains("urn:competency:problem:too-many-requests"), overAll);
    }

    private int attempt(String source, String username) throws Exception {
        return Integer.parseInt(answer(source, username).split(" ")[1]);
    }

    private String answer(String source, String username) throws Exception {
        byte[] body = ("{\"username\":\"" + username + "\",\"password\":\"some wrong password\"}").getBytes(StandardCharsets.UTF_8);
        try (RawHttp client = new RawHttp(context.getBean(EmbeddedServer.class).getPort(), source)) {
            return client.head("POST /login HTTP/1.1", "Content-Type: application/json", "Content-Length: " + body.length,
                    "Connection: close").send(body).answer();
        }
    }
}
