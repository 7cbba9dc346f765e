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
import tw.training.account.audit.SecurityEventType;
import tw.training.testing.DatabaseTest;
import tw.training.testing.LoginFrom;
import tw.training.testing.Parallel;
import tw.training.testing.TestUsers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guessing does not scale with addresses (issue 28, point 4): after ten wrong passwords from anywhere, every attempt at
 * the account waits, twice as long after each further failure, while a device that signed in to it before is not
 * slowed; the account is never locked.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountBudgetTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Inject
    SecurityAudit audit;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("app.login.account.first-delay", "1s");
        return properties;
    }

    private LoginFrom.Answer login(String source, String username, String password, String device) {
        return LoginFrom.send(server.getPort(), source, username, password, device);
    }

    @Test
    void guessesFromManyAddressesSlowTheAccountButNotItsOwnersDevice() throws Exception {
        TestUsers users = TestUsers.of(context, http);
        users.create("budget.target", Roles.LEARNER);
        users.create("budget.other", Roles.LEARNER);
        LoginFrom.Answer owner = login("127.0.0.20", "budget.target", TestUsers.PASSWORD, null);
        assertEquals(200, owner.status());
        String device = owner.device();
        assertNotNull(device, "a device that signed in gets a cookie: " + owner.headers());
        assertTrue(owner.header("set-cookie").contains("HttpOnly") || owner.header("set-cookie").contains("HTTPOnly"), owner.header("set-cookie"));
        assertNull(login("127.0.0.20", "budget.target", TestUsers.PASSWORD, device).device(), "a known device keeps its cookie");
        String otherDevice = login("127.0.0.21", "budget.other", TestUsers.PASSWORD, null).device();

        for (int i = 1; i <= 10; i++) {
            assertEquals(401, login("127.0.1." + i, "budget.target", "guess " + i, null).status(), "guess " + i + " is checked");
        }
        LoginFrom.Answer eleventh = login("127.0.1.11", "budget.target", "guess 11", null);
        assertEquals(429, eleventh.status(), "past ten failures, the account waits for every address");
        long first = Long.parseLong(eleventh.header("Retry-After"));
        assertEquals(1, first);
        assertEquals(429, login("127.0.0.22", "budget.target", TestUsers.PASSWORD, null).status(), "even the right password, from a new device");
        assertEquals(429, login("127.0.0.22", "budget.target", TestUsers.PASSWORD, otherDevice).status(), "another account's device is no exemption");
        assertEquals(200, login("127.0.0.23", "budget.target", TestUsers.PASSWORD, device).status(), "the owner's device signs in at once");

        Thread.sleep(first * 1000 + 100);
        assertEquals(401, login("127.0.1.12", "budget.target", "guess 12", null).status(), "after the wait, a guess is checked again");
        LoginFrom.Answer doubled = login("127.0.1.13", "budget.target", "guess 13", null);
        assertEquals(429, doubled.status());
        long second = Long.parseLong(doubled.header("Retry-After"));
        assertTrue(second == 2, "twice as long: " + second);
        assertTrue(audit.list(SecurityEventType.LOGIN_THROTTLED, "budget.target", 10).stream()
                .anyMatch(e -> e.detail().startsWith("the account, from everywhere but its known devices: 2 s")));

        Thread.sleep(second * 1000 + 100);
        assertEquals(200, login("127.0.0.24", "budget.target", TestUsers.PASSWORD, null).status(), "never locked: after the wait, the owner anywhere");
    }

    /** A burst from many addresses at once is checked one guess at a time, so no more than the budget is ever checked. */
    @Test
    void aBurstOfGuessesFromManyAddressesChecksNoMoreThanTheBudget() throws Exception {
        TestUsers.of(context, http).create("burst.target", Roles.LEARNER);
        String device = login("127.0.0.30", "burst.target", TestUsers.PASSWORD, null).device();
        List<Integer> statuses = Parallel.run(40, client -> login("127.0.2." + (client + 1), "burst.target", "guess " + client, null).status());
        long checked = statuses.stream().filter(status -> status == 401).count();
        assertTrue(checked >= 1 && checked <= 10, "at most the ten of the budget are checked: " + statuses);
        assertEquals(40 - checked, statuses.stream().filter(status -> status == 429).count(), statuses.toString());
        assertEquals(200, login("127.0.0.31", "burst.target", TestUsers.PASSWORD, device).status(), "the owner's device, at once");
    }
}
