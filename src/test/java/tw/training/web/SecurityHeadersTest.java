package tw.training.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages carry a Content-Security-Policy, no framing and no sniffing; every other answer no sniffing. */
@MicronautTest
class SecurityHeadersTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void thePublicVerificationPageForbidsScriptsFramingAndSniffing() {
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/verify/no-such-token").accept(MediaType.TEXT_HTML), String.class);

        assertEquals(SecurityHeaders.PAGE_POLICY, page.header("Content-Security-Policy"));
        assertTrue(page.header("Content-Security-Policy").contains("default-src 'none'"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
    }

    @Test
    void swaggerUiMayRunOnlyItsOwnScripts() {
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/swagger-ui/index.html"), String.class);

        assertEquals(SecurityHeaders.SWAGGER_POLICY, page.header("Content-Security-Policy"));
        assertEquals("DENY", page.header("X-Frame-Options"));
    }

    @Test
    void jsonAndErrorsAreNotSniffedEither() {
        HttpResponse<String> health = http.toBlocking().exchange(HttpRequest.GET("/health"), String.class);
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/me")));

        assertEquals("nosniff", health.header("X-Content-Type-Options"));
        assertEquals("nosniff", refused.getResponse().header("X-Content-Type-Options"));
    }
}
