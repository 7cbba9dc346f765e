package tw.training.web;

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
import tw.training.testing.TestUsers;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no trusted proxy (the default), forwarding headers are text a client wrote: they neither change the address the
 * throttle and the audit see (a client cannot pose as many) nor make cookies {@code Secure} (issue 28, point 5).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UntrustedForwardingTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private ForwardedRequests client;
    private String admin;

    @BeforeAll
    void anAdministrator() {
        admin = TestUsers.of(context, http).tokenFor("untrusted.admin", Roles.ADMIN);
        client = new ForwardedRequests(server.getURL().toString(), http);
    }

    @Test
    void aClientCannotPoseAsManyAddresses() {
        for (int i = 0; i < 4; i++) {
            client.wrongPassword("posing.user", Map.of("X-Forwarded-For", "203.0.113." + i, "Forwarded", "for=198.51.100." + i));
        }
        assertEquals(429, client.wrongPassword("posing.user", Map.of("X-Forwarded-For", "203.0.113.99")), "one source, whatever it writes");
        assertEquals(List.of("127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.1"), client.failedFrom(admin, "posing.user"));
    }

    @Test
    void aClaimOfHttpsMakesNothingSecure() {
        HttpResponse<String> page = client.get("/signin", Map.of("X-Forwarded-Proto", "https", "Forwarded", "proto=https"));
        assertFalse(ForwardedRequests.secureCookies(page), ForwardedRequests.setCookies(page));
        assertTrue(page.headers().firstValue("Strict-Transport-Security").isEmpty());
    }
}
