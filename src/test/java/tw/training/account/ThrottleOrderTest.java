package tw.training.account;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEvent;
import tw.training.account.audit.SecurityEventType;
import tw.training.account.throttle.ThrottledRefusals;
import tw.training.testing.DatabaseTest;
import tw.training.testing.LoginFrom;
import tw.training.testing.TestUsers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One address over its own limit costs everyone else nothing (issue 28, point 3): its refused attempts take nothing from
 * the limit of all of {@code /login}, which counts only password checks, and they are audited as one summary row, not
 * one row each.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottleOrderTest implements DatabaseTest {

    private static final String HAMMER = "127.0.0.7";
    private static final int TRIES = 60;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Inject
    ThrottledRefusals refusals;

    @Inject
    SecurityAudit audit;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("app.login.rate.per-source", "5");
        properties.put("app.login.rate.per-source-period", "1h");
        // ten password checks an hour in all: an attempt from the hammering address that took one would show
        properties.put("app.login.rate.all", "10");
        properties.put("app.login.rate.all-period", "1h");
        return properties;
    }

    @Test
    void aSourceOverItsLimitDrainsNothingGlobalAndIsAuditedOnce() {
        TestUsers users = TestUsers.of(context, http);
        users.create("order.owner", Roles.ADMIN);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            statuses.add(LoginFrom.send(server.getPort(), HAMMER, "order.target", "guess number " + i).status());
        }
        long refused = statuses.stream().filter(s -> s == 429).count();
        assertTrue(refused >= TRIES - 5, "all but the source's five are refused: " + statuses);

        assertEquals(200, LoginFrom.send(server.getPort(), "127.0.0.8", "order.owner", TestUsers.PASSWORD).status(),
                "the administrator, elsewhere, signs in");

        refusals.write();
        List<SecurityEvent> summaries = audit.list(SecurityEventType.LOGIN_REFUSED_WHILE_THROTTLED, "order.target", 100);
        assertEquals(1, summaries.size(), summaries.toString());
        assertTrue(summaries.get(0).detail().startsWith("from " + HAMMER + ": " + refused + " attempts refused while throttled"),
                summaries.get(0).detail());
        assertTrue(summaries.get(0).detail().contains("usernames order.target ×" + refused), summaries.get(0).detail());
        refusals.write();
        assertEquals(1, audit.list(SecurityEventType.LOGIN_REFUSED_WHILE_THROTTLED, null, 100).size(), "nothing more to write");
    }
}
