package tw.training.packaging;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.training.packaging.JarServer.NO_ANSWER;

/**
 * Issue 19, acceptance 4, with the packaged jar killed ({@code kill -9}) rather than stopped: a statement committed with
 * its event and not yet sent when the server dies is sent by the next start; a batch the LRS took while the server died
 * before marking it sent is sent again under the same statement ids, so the LRS holds each statement once.
 */
class XapiKillIT {

    private final List<List<String>> deliveries = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch arrived = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(0);

    @Test
    void aStatementCommittedBeforeAKillIsSentAfterTheRestartAndOnlyUnderItsId() throws Exception {
        HttpServer lrs = mockLrs();
        JarServer server = new JarServer("xapi-kill");
        server.environment.put("APP_XAPI_LRS_URL", "http://127.0.0.1:" + lrs.getAddress().getPort() + "/xapi");
        server.environment.put("APP_XAPI_LRS_USERNAME", "lrs");
        server.environment.put("APP_XAPI_LRS_PASSWORD", "secret");
        try {
            // 1. the sender waits an hour: the statement is committed with the evidence and the server dies before sending it
            server.environment.put("APP_XAPI_SEND_EVERY", "1h");
            server.start();
            String admin = server.login("jar.admin");
            server.createUser(admin, "kill.trainer", "TRAINER");
            server.createUser(admin, "kill.learner", "LEARNER");
            long enrollment = server.enrollment(server.login("kill.trainer"), "kill.learner", "XAPI-KILL");
            JarServer.Multipart evidence = JarServer.evidence(null);
            String learner = server.login("kill.learner");
            assertEquals(201, server.http.send(server.request("/api/enrollments/" + enrollment + "/evidence", learner)
                    .header("Content-Type", evidence.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(evidence.body())).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            List<String> written = outbox(server, admin);
            assertEquals(1, written.size(), "the evidence's statement, committed with it");
            server.process().destroyForcibly().waitFor();
            assertEquals(List.of(), deliveries, "nothing sent before the kill");

            // 2. the next start sends it; the LRS takes the batch and the server is killed before it can mark it sent
            released = new CountDownLatch(1);
            server.environment.put("APP_XAPI_SEND_EVERY", "200ms");
            server.start();
            assertTrue(arrived.await(NO_ANSWER.toSeconds(), TimeUnit.SECONDS), "the restarted server sent the statement");
            server.process().destroyForcibly().waitFor();
            released.countDown();

            // 3. the start after that sends the same statement again, under the same id
            arrived = new CountDownLatch(1);
            server.start();
            assertTrue(arrived.await(NO_ANSWER.toSeconds(), TimeUnit.SECONDS), "the unmarked batch was sent again");
            assertEquals(List.of(written, written), deliveries, "the same statement id both times: the LRS holds it once");
            assertEquals(written, outbox(server, server.login("jar.admin")), "and it is the statement the outbox holds");
        } finally {
            released.countDown();
            if (server.process() != null) {
                server.process().destroyForcibly().waitFor();
            }
            lrs.stop(0);
        }
    }

    /** An LRS on 127.0.0.1 that records each batch's statement ids, holding its answer while {@code released} is closed. */
    private HttpServer mockLrs() throws Exception {
        HttpServer lrs = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lrs.setExecutor(Executors.newCachedThreadPool());
        lrs.createContext("/xapi/statements", exchange -> {
            List<String> ids = new ArrayList<>();
            for (Map<String, Object> statement : JarServer.JSON.readValue(exchange.getRequestBody().readAllBytes(),
                    Argument.listOf(Argument.mapOf(String.class, Object.class)))) {
                ids.add((String) statement.get("id"));
            }
            deliveries.add(ids);
            arrived.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                exchange.sendResponseHeaders(200, -1);
            } catch (IOException gone) {
                // the server that sent it was killed meanwhile
            }
            exchange.close();
        });
        lrs.start();
        return lrs;
    }

    @SuppressWarnings("unchecked")
    private static List<String> outbox(JarServer server, String admin) throws Exception {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> statement : (List<Map<String, Object>>) JarServer.map(server.get("/api/xapi/statements", admin)).get("statements")) {
            ids.add((String) statement.get("id"));
        }
        return ids;
    }
}
