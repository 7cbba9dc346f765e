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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behind the README's proxy (issue 28, point 5): with 127.0.0.1 a trusted proxy, the client's address comes from the
 * forwarding headers (for throttling and the audit), a request that reached the proxy over HTTPS gets {@code Secure}
 * cookies and {@code Strict-Transport-Security}; headers a client wrote before the proxy's own entry change nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedProxiesTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private ForwardedRequests proxy;
    private String admin;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("app.trusted-proxies", "10.9.0.0/16, 127.0.0.1, ::1");
        return properties;
    }

    @BeforeAll
    void anAdministrator() {
        admin = TestUsers.of(context, http).tokenFor("proxy.admin", Roles.ADMIN);
        proxy = new ForwardedRequests(server.getURL().toString(), http);
    }

    @Test
    void theClientIsTheRightmostAddressNoTrustedProxyAdded() {
        proxy.wrongPassword("proxied.user", Map.of("X-Forwarded-For", "203.0.113.9"));
        proxy.wrongPassword("proxied.user", Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.10"));
        proxy.wrongPassword("proxied.user", Map.of("X-Forwarded-For", "203.0.113.11, 10.9.4.2"));
        proxy.wrongPassword("proxied.user", Map.of("Forwarded", "for=203.0.113.12;proto=https"));
        proxy.wrongPassword("proxied.user", Map.of("Forwarded", "for=\"[2001:db8::7]:4711\""));
        proxy.wrongPassword("proxied.user", Map.of());
        assertEquals(List.of("203.0.113.9", "203.0.113.10", "203.0.113.11", "203.0.113.12", "2001:db8::7", "127.0.0.1"),
                proxy.failedFrom(admin, "proxied.user"));
    }

    @Test
    void eachForwardedClientIsThrottledOnItsOwn() {
        for (int i = 0; i < 4; i++) {
            proxy.wrongPassword("throttled.user", Map.of("X-Forwarded-For", "203.0.113.50"));
        }
        assertEquals(429, proxy.wrongPassword("throttled.user", Map.of("X-Forwarded-For", "203.0.113.50")), "the guessing client waits");
        assertEquals(401, proxy.wrongPassword("throttled.user", Map.of("X-Forwarded-For", "203.0.113.51")), "another client behind the proxy does not");
    }

    @Test
    void overHttpsAtTheProxyCookiesAreSecureAndHstsIsSent() {
        for (Map<String, String> https : List.of(Map.of("X-Forwarded-Proto", "https"), Map.of("Forwarded", "for=203.0.113.5;proto=https"))) {
            HttpResponse<String> page = proxy.get("/signin", https);
            assertTrue(ForwardedRequests.secureCookies(page), https + ": " + ForwardedRequests.setCookies(page));
            assertEquals("max-age=31536000", page.headers().firstValue("Strict-Transport-Security").orElse(null), https.toString());
        }
        HttpResponse<String> plain = proxy.get("/signin", Map.of("X-Forwarded-Proto", "http"));
        assertFalse(ForwardedRequests.secureCookies(plain), ForwardedRequests.setCookies(plain));
        assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty());
    }
}
