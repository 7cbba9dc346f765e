package tw.training.account.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Only a bearer token within its time opens the API: tokens signed with the server's own key but without an
 * expiry, or not yet valid, are refused; tokens of a previous secret verify while it is listed
 * ({@code app.jwt.previous-secrets}); HTTP Basic is not a way in, not even with the right password.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRulesTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    @Inject
    TokenSecret secret;

    /** A secret that signed tokens before a rotation and is still listed to verify them. */
    private static final String PREVIOUS = "the secret before the rotation of at least 32 bytes";

    private JWTClaimsSet issued;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(DatabaseTest.super.getProperties());
        properties.put("app.jwt.previous-secrets", "another old secret of at least 32 bytes," + PREVIOUS);
        return properties;
    }

    @BeforeAll
    void signIn() throws Exception {
        issued = SignedJWT.parse(TestUsers.of(context, http).tokenFor("kim.learner", Roles.LEARNER)).getJWTClaimsSet();
    }

    @Test
    void aTokenSignedWithTheServersKeyOpensTheApiWhileWithinItsTime() throws Exception {
        String token = sign(claims -> claims);

        assertEquals("kim.learner", http.toBlocking().retrieve(HttpRequest.GET("/api/me").bearerAuth(token), Map.class).get("username"));
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        assertEquals(HttpStatus.UNAUTHORIZED, status(sign(claims -> claims.expirationTime(null))));
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        Date later = Date.from(Instant.now().plus(Duration.ofMinutes(10)));

        assertEquals(HttpStatus.UNAUTHORIZED, status(sign(claims -> claims.notBeforeTime(later))));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Date past = Date.from(Instant.now().minus(Duration.ofMinutes(1)));

        assertEquals(HttpStatus.UNAUTHORIZED, status(sign(claims -> claims.expirationTime(past))));
    }

    @Test
    void aTokenOfAPreviousSecretStillListedIsAcceptedAndOfAnyOtherSecretRefused() throws Exception {
        String rotated = sign(claims -> claims, PREVIOUS);
        String unknown = sign(claims -> claims, "a secret nobody listed, long enough for HS256 anyway");

        assertEquals("kim.learner", http.toBlocking().retrieve(HttpRequest.GET("/api/me").bearerAuth(rotated), Map.class).get("username"));
        assertEquals(HttpStatus.UNAUTHORIZED, status(unknown));
    }

    @Test
    void httpBasicIsNeitherAcceptedNorAdvertisedNorAudited() {
        RowCounts audit = new RowCounts(dataSource, List.of("security_event"));
        Map<String, Long> before = audit.now();
        String basic = Base64.getEncoder().encodeToString(("kim.learner:" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/me").header("Authorization", "Basic " + basic)));

        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
        assertFalse(refused.getResponse().getHeaders().getAll("WWW-Authenticate").stream().anyMatch(h -> h.startsWith("Basic")),
                refused.getResponse().getHeaders().getAll("WWW-Authenticate").toString());
        assertEquals(before, audit.now());
    }

    private String sign(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return sign(change, secret.value());
    }

    private String sign(UnaryOperator<JWTClaimsSet.Builder> change, String key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), change.apply(new JWTClaimsSet.Builder(issued)).build());
        jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private HttpStatus status(String token) {
        return assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/me").bearerAuth(token))).getStatus();
    }
}
