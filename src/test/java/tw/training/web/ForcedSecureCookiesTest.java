package tw.training.web;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code APP_COOKIES_FORCE_SECURE=true}: cookies are {@code Secure} and HSTS is sent whatever the request says. */
@MicronautTest
@Property(name = "app.cookies.force-secure", value = "true")
class ForcedSecureCookiesTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Test
    void cookiesAreSecureOverPlainHttpToo() {
        HttpResponse<String> page = new ForwardedRequests(server.getURL().toString(), http).get("/signin", Map.of());
        assertTrue(ForwardedRequests.secureCookies(page), ForwardedRequests.setCookies(page));
        assertEquals("max-age=31536000", page.headers().firstValue("Strict-Transport-Security").orElse(null));
    }
}
