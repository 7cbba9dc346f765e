package tw.training.mail;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tw.training.phrase.Phrase;
import tw.training.testing.DatabaseTest;
import tw.training.testing.MailServer;
import tw.training.testing.ShiftedClock;
import tw.training.testing.TcpRelay;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sender (issue 31, point 2; acceptance 2) against a real SMTP server reached through a relay the test can cut:
 * nothing is lost while the server is away and everything is sent once when it is back, after the back-off; two
 * instances on one database sending at once deliver each message once; a message the server refuses for good is
 * marked and counted; sent messages are pruned after the retention; the gauges say all of it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailSenderTest implements DatabaseTest {

    private static final String METRICS_TOKEN = "mail-test-scraper";
    private static MailServer smtp;
    private static TcpRelay relay;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    MailSender sender;

    @Inject
    ShiftedClock clock;

    private Map<String, String> properties;

    @Override
    public Map<String, String> getProperties() {
        if (properties == null) {
            smtp = new MailServer();
            try {
                relay = new TcpRelay(smtp.port());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            properties = new HashMap<>(DatabaseTest.super.getProperties());
            properties.putAll(smtp.properties());
            properties.put("app.mail.port", String.valueOf(relay.port()));
            properties.put("test.clock.shiftable", "true");
            properties.put("app.metrics.token", METRICS_TOKEN);
        }
        return properties;
    }

    @AfterAll
    void stopSmtp() throws Exception {
        relay.close();
        smtp.close();
    }

    /** Posts {@code count} messages to {@code address} in one transaction of the given server. */
    static void post(ApplicationContext on, String address, int count) {
        Mailbox mailbox = on.getBean(Mailbox.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = on.getBean(TransactionOperations.class);
        transactions.executeWrite(status -> {
            for (int i = 0; i < count; i++) {
                mailbox.post(new Letter("TEST", null, address, i % 2 == 0 ? "zh-TW" : "en", "password-changed",
                        Phrase.of("mail.password-changed.subject"), Map.of("name", "收件人 " + i, "username", "user" + i,
                        "changedAt", java.time.Instant.now()), "http://localhost:8080/password/forgotten", null, false));
            }
            return null;
        });
    }

    private double gauge(String name) {
        String scraped = http.toBlocking().retrieve(HttpRequest.GET("/metrics").bearerAuth(METRICS_TOKEN));
        return scraped.lines().filter(line -> line.startsWith(name + " ")).map(line -> Double.parseDouble(line.substring(name.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not scraped"));
    }

    private static Set<String> ids(List<MailServer.Received> received) {
        Set<String> ids = new HashSet<>();
        received.forEach(message -> ids.add(message.header("X-Competency-Message-Id")));
        return ids;
    }

    @Test
    @Order(1)
    void whileTheServerIsAwayNothingIsLostAndEverythingArrivesOnceWhenItIsBack() throws Exception {
        relay.hangUp();
        post(context, "away@example.org", 3);
        assertEquals(0, sender.sendBatch());
        assertEquals(3.0, gauge("competency_mail_waiting"), "operators see three waiting");
        clock.pass(Duration.ofSeconds(10));
        assertTrue(gauge("competency_mail_oldest_waiting_age_seconds") >= 10.0);
        relay.answer();
        assertEquals(0, sender.sendBatch(), "back-off: not due yet");
        clock.pass(Duration.ofSeconds(30));
        assertEquals(3, sender.sendBatch());
        assertEquals(0, sender.sendBatch(), "nothing twice");
        List<MailServer.Received> received = smtp.receivedBy("away@example.org");
        assertEquals(3, received.size());
        assertEquals(3, ids(received).size());
        assertEquals(0.0, gauge("competency_mail_waiting"));
        assertEquals(0.0, gauge("competency_mail_oldest_waiting_age_seconds"));
    }

    @Test
    @Order(2)
    void twoInstancesSendingAtOnceDeliverEachMessageOnce() throws Exception {
        Map<String, Object> second = new HashMap<>(properties);
        second.put("micronaut.server.port", -1);
        try (ApplicationContext other = ApplicationContext.run(second)) {
            post(context, "both@example.org", 40);
            post(other, "both@example.org", 40);
            MailSender otherSender = other.getBean(MailSender.class);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> sent = threads.invokeAll(List.<Callable<Integer>>of(() -> drain(sender), () -> drain(otherSender)));
                assertEquals(80, sent.get(0).get() + sent.get(1).get(), "every message counted as sent once");
            } finally {
                threads.shutdown();
            }
        }
        List<MailServer.Received> received = smtp.receivedBy("both@example.org");
        assertEquals(80, received.size());
        assertEquals(80, ids(received).size(), "no message twice");
    }

    private static int drain(MailSender sender) {
        int total = 0;
        for (int sent = sender.sendBatch(); sent > 0; sent = sender.sendBatch()) {
            total += sent;
        }
        return total;
    }

    @Test
    @Order(3)
    void aMessageTheServerRefusesForGoodIsMarkedAndCounted() throws Exception {
        try (RefusingSmtpServer refusing = new RefusingSmtpServer()) {
            Map<String, Object> toRefusing = new HashMap<>(properties);
            toRefusing.put("app.mail.port", String.valueOf(refusing.port()));
            try (ApplicationContext other = ApplicationContext.run(toRefusing)) {
                post(other, "nobody@refusing.example", 1);
                assertEquals(0, other.getBean(MailSender.class).sendBatch());
            }
        }
        assertEquals(1.0, gauge("competency_mail_refused"));
        assertEquals(0.0, gauge("competency_mail_waiting"), "refused is not waiting: it is never retried by itself");
        MailMessage refused = context.getBean(Outbox.class).newest("REFUSED", null, 10).get(0);
        assertEquals(MailState.REFUSED, refused.state());
        assertTrue(refused.lastError().contains("550"), refused.lastError());
        assertNotNull(refused.refusedAt());
    }

    @Test
    @Order(4)
    void sentAndRefusedMessagesArePrunedAfterTheRetentionAndWaitingOnesNever() throws Exception {
        relay.hangUp();
        try {
            post(context, "later@example.org", 1);
            sender.sendBatch();
            clock.pass(Duration.ofDays(31));
            long pruned = context.getBean(MailPruner.class).prune();
            assertEquals(84, pruned, "3 + 80 sent and 1 refused, all more than 30 days ago");
            assertEquals(List.of(MailState.WAITING), context.getBean(Outbox.class).newest(null, null, 200).stream().map(MailMessage::state).toList());
        } finally {
            relay.answer();
        }
    }
}
