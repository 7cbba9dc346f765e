package tw.training.account.token;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.training.testing.Instances;
import tw.training.testing.TestDatabases;
import tw.training.testing.TestFolders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * README's rotation of the token signing secret, rolled across two instances sharing one database (issue 29, point 5):
 * at every moment of the roll, a token either instance signs is accepted by both, so nobody signed in gets a 401 because
 * the load balancer sent their next request to the other instance. The procedure as README first gave it (switch the
 * signing secret and accept the old one, instance by instance) is shown to fail exactly so.
 */
class SecretRotationTest {

    private static final String OLD = "the old signing secret of at least 32 bytes";
    private static final String NEW = "the new signing secret of at least 32 bytes";
    private static final String PASSWORD = "rotation passphrase 2026";

    /** One instance's settings: the secret it signs with and those it also accepts. */
    record Settings(String signs, String accepts) {
    }

    private static final Settings BEFORE = new Settings(OLD, "");
    private static final Settings STEP_1_ACCEPT_NEW = new Settings(OLD, NEW);
    private static final Settings STEP_2_SIGN_NEW = new Settings(NEW, OLD);
    private static final Settings STEP_3_DROP_OLD = new Settings(NEW, "");

    private final Map<String, String> database = TestDatabases.fresh();
    private final Instances instances = new Instances();

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void everyTokenIsAcceptedEverywhereThroughoutTheDocumentedRoll() {
        EmbeddedServer a = start(BEFORE);
        EmbeddedServer b = start(BEFORE);
        // the roll: each step restarts the instances one after the other
        List<Settings> steps = List.of(STEP_1_ACCEPT_NEW, STEP_2_SIGN_NEW);
        for (Settings step : steps) {
            a = restart(a, step);
            bothAcceptBoth(a, b);
            b = restart(b, step);
            bothAcceptBoth(a, b);
        }
        // an hour later every token of the old secret has expired; dropping it then refuses none that is still alive
        String signedOldInTheRoll = tokenFrom(start(STEP_1_ACCEPT_NEW));
        a = restart(a, STEP_3_DROP_OLD);
        bothAcceptBoth(a, b);
        b = restart(b, STEP_3_DROP_OLD);
        bothAcceptBoth(a, b);
        assertEquals(401, status(a, signedOldInTheRoll), "the old secret is dropped");
    }

    @Test
    void switchingTheSigningSecretBeforeEveryInstanceAcceptsItRefusesTokens() {
        EmbeddedServer a = start(BEFORE);
        EmbeddedServer b = start(BEFORE);
        a = restart(a, STEP_2_SIGN_NEW);

        assertEquals(200, status(a, tokenFrom(b)));
        assertEquals(401, status(b, tokenFrom(a)), "B does not know the secret A now signs with");
    }

    private void bothAcceptBoth(EmbeddedServer a, EmbeddedServer b) {
        String fromA = tokenFrom(a);
        String fromB = tokenFrom(b);
        for (EmbeddedServer server : List.of(a, b)) {
            assertEquals(200, status(server, fromA));
            assertEquals(200, status(server, fromB));
        }
    }

    private EmbeddedServer start(Settings settings) {
        return instances.start(properties(settings));
    }

    private EmbeddedServer restart(EmbeddedServer server, Settings settings) {
        return instances.restart(server, properties(settings));
    }

    private Map<String, Object> properties(Settings settings) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.putAll(TestFolders.localEvidence());
        properties.put("app.jwt.secret", settings.signs());
        properties.put("app.jwt.accepted-secrets", settings.accepts());
        properties.put("app.bootstrap.admin.username", "rotation.admin");
        properties.put("app.bootstrap.admin.password", PASSWORD);
        properties.put("app.seeds.enabled", "false");
        return properties;
    }

    private static String tokenFrom(EmbeddedServer server) {
        try (HttpClient client = HttpClient.create(server.getURL())) {
            Map<?, ?> answer = client.toBlocking().retrieve(HttpRequest.POST("/login",
                    Map.of("username", "rotation.admin", "password", PASSWORD)), Map.class);
            return (String) answer.get("access_token");
        }
    }

    private static int status(EmbeddedServer server, String token) {
        try (HttpClient client = HttpClient.create(server.getURL())) {
            HttpResponse<String> answer = client.toBlocking().exchange(HttpRequest.GET("/api/me").bearerAuth(token), String.class);
            return answer.code();
        } catch (HttpClientResponseException refused) {
            return refused.getStatus().getCode();
        }
    }
}
