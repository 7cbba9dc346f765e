package tw.training.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.ShiftedClock;
import tw.training.testing.TestUsers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sending the outbox to an LRS (issue 19): a mock LRS on 127.0.0.1 receives the statements in order with the xAPI version
 * header and Basic credentials; while it is down nothing is marked sent and nothing is lost, and once it is back (after
 * the back-off, on a clock the test moves) every statement arrives exactly once; statements written before the server
 * stopped are sent by the next one started on the same database; two instances sending at once send each statement once,
 * in order.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XapiSenderTest implements DatabaseTest {

    private static final String METRICS_TOKEN = "xapi-test-scraper";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "lrs-user";
    private static final String PASSWORD = "lrs-password";

    private static HttpServer lrs;
    private static final List<String> received = new CopyOnWriteArrayList<>();
    private static final List<String> refusedRequests = new CopyOnWriteArrayList<>();
    private static volatile boolean down;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    XapiSender sender;

    @Inject
    ShiftedClock clock;

    private Map<String, String> properties;
    private PortfolioCourse course;
    private String learner;
    private long enrollment;

    @Override
    public Map<String, String> getProperties() {
        if (properties == null) {
            startLrs();
            properties = new HashMap<>(DatabaseTest.super.getProperties());
            properties.put("app.xapi.lrs.url", "http://127.0.0.1:" + lrs.getAddress().getPort() + "/xapi");
            properties.put("app.xapi.lrs.username", USER);
            properties.put("app.xapi.lrs.password", PASSWORD);
            // the test sends itself, at moments it chooses; the schedule would not come within it
            properties.put("app.xapi.send-every", "1h");
            properties.put("test.clock.shiftable", "true");
            properties.put("app.metrics.token", METRICS_TOKEN);
        }
        return properties;
    }

    private static void startLrs() {
        try {
            lrs = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        lrs.createContext("/xapi/statements", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status;
            if (down) {
                status = 503;
            } else if (!"1.0.3".equals(exchange.getRequestHeaders().getFirst("X-Experience-API-Version"))
                    || !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refusedRequests.add(exchange.getRequestHeaders().toString());
                status = 400;
            } else {
                for (JsonNode statement : JSON.readTree(body)) {
                    received.add(statement.get("id").asText());
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        lrs.start();
    }

    @AfterAll
    void stopLrs() {
        lrs.stop(0);
    }

    @BeforeAll
    void aCourse() {
        TestUsers users = TestUsers.of(context, http);
        course = PortfolioCourse.publish(http, users.tokenFor("lrs.trainer", Roles.TRAINER), "LRS-1", "客訴處理實務");
        learner = users.tokenFor("lrs.learner", Roles.LEARNER);
        enrollment = course.enroll("lrs.learner");
    }

    private List<String> outbox() throws Exception {
        String admin = TestUsers.of(context, http).tokenFor("lrs.admin", Roles.ADMIN);
        List<String> ids = new ArrayList<>();
        JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET("/api/xapi/statements?limit=1000").bearerAuth(admin)))
                .get("statements").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    /** A gauge's value as a Prometheus scrape shows it. */
    private double gauge(String name) {
        String scraped = http.toBlocking().retrieve(HttpRequest.GET("/metrics").bearerAuth(METRICS_TOKEN));
        return scraped.lines().filter(line -> line.startsWith(name + " ")).map(line -> Double.parseDouble(line.substring(name.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not scraped"));
    }

    @Test
    @Order(1)
    void statementsArriveInOrderWithTheVersionHeaderAndBasicCredentials() throws Exception {
        for (int i = 0; i < 3; i++) {
            course.submitPdf(learner, enrollment, "演練 " + i, List.of("P2.3.1"));
        }
        assertEquals(3, sender.sendBatch());
        assertEquals(outbox(), received, "in the order they happened");
        assertEquals(List.of(), refusedRequests, "every request carried the version and the credentials");
        assertEquals(0, sender.sendBatch(), "nothing is sent twice");
    }

    @Test
    @Order(2)
    void whileTheLrsIsDownNothingIsLostAndNothingIsDuplicatedWhenItReturns() throws Exception {
        down = true;
        course.submitPdf(learner, enrollment, "停機時的演練", List.of("P2.3.2"));
        course.submitPdf(learner, enrollment, "停機時的演練二", List.of("P2.3.3"));
        assertEquals(0, sender.sendBatch());
        clock.pass(Duration.ofSeconds(3));
        assertEquals(0, sender.sendBatch(), "still down");
        assertEquals(2.0, gauge("competency_xapi_statements_unsent"), "operators see two waiting");
        assertTrue(gauge("competency_xapi_oldest_unsent_age_seconds") >= 3.0, "for at least the three seconds that passed");
        down = false;
        assertEquals(0, sender.sendBatch(), "back-off: not due yet");
        clock.pass(Duration.ofSeconds(5));
        assertEquals(2, sender.sendBatch());
        assertEquals(0.0, gauge("competency_xapi_statements_unsent"));
        assertEquals(0.0, gauge("competency_xapi_oldest_unsent_age_seconds"));
        assertEquals(outbox(), received);
        assertEquals(received.size(), new HashSet<>(received).size(), "no statement twice");
    }

    /** Two instances sending at once: one holds the cursor while it sends, the other waits its turn; each statement goes once, in order. */
    @Test
    @Order(3)
    void twoInstancesSendingAtOnceSendEachStatementOnceInOrder() throws Exception {
        for (int i = 0; i < 30; i++) {
            course.submitPdf(learner, enrollment, "兩台同送 " + i, List.of("P2.3.1"));
        }
        Map<String, Object> second = new HashMap<>(properties);
        second.put("micronaut.server.port", -1);
        int before = received.size();
        try (ApplicationContext other = ApplicationContext.run(second)) {
            XapiSender otherSender = other.getBean(XapiSender.class);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> sent = threads.invokeAll(List.<Callable<Integer>>of(() -> drain(sender), () -> drain(otherSender)));
                assertEquals(30, sent.get(0).get() + sent.get(1).get(), "every statement counted as sent once");
            } finally {
                threads.shutdown();
            }
        }
        assertEquals(outbox(), received, "all of them, in order, none twice");
        assertEquals(before + 30, new HashSet<>(received).size());
    }

    /** Sends until nothing is left, or another instance holds the cursor. */
    private static int drain(XapiSender sender) {
        int total = 0;
        for (int sent = sender.sendBatch(); sent > 0; sent = sender.sendBatch()) {
            total += sent;
        }
        return total;
    }

    @Test
    @Order(4)
    void statementsWrittenBeforeAStopAreSentByTheNextServer() throws Exception {
        down = true;
        course.submitPdf(learner, enrollment, "關機前的演練", List.of("P2.3.4"));
        assertEquals(0, sender.sendBatch());
        down = false;
        Map<String, Object> again = new HashMap<>(properties);
        again.put("micronaut.server.port", -1);
        context.stop();
        try (EmbeddedServer restarted = ApplicationContext.run(EmbeddedServer.class, again)) {
            restarted.getApplicationContext().getBean(ShiftedClock.class).pass(Duration.ofMinutes(1));
            assertEquals(1, restarted.getApplicationContext().getBean(XapiSender.class).sendBatch());
        }
        assertEquals(36, received.size());
        assertEquals(36, new HashSet<>(received).size(), "every statement once");
        assertTrue(refusedRequests.isEmpty());
    }
}
