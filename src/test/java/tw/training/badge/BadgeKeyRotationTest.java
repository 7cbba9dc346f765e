package tw.training.badge;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.training.account.Roles;
import tw.training.testing.Instances;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestDatabases;
import tw.training.testing.TestFolders;
import tw.training.testing.TestUsers;

import java.io.StringReader;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README's rotation of the credential signing key across two instances on one database (issue 29, point 6): a
 * credential handed out before the rotation keeps verifying against the issuer's profile of either instance, and so
 * does every credential either instance signs at every moment of the roll. Without the published keys the old
 * credentials stop verifying, and an instance that signs with a key the others do not yet publish is unverifiable
 * through them: why README's procedure has the steps it has.
 */
class BadgeKeyRotationTest {

    private static final String OLD_SEED = "1f".repeat(32);
    private static final String NEW_SEED = "2e".repeat(32);
    private static final String OLD = Ed25519Keys.multikey(BadgeKey.fromSeed(BadgeKey.parseSeed(OLD_SEED)).getPublic());
    private static final String NEW = Ed25519Keys.multikey(BadgeKey.fromSeed(BadgeKey.parseSeed(NEW_SEED)).getPublic());

    /** One instance's settings: its signing key and the keys it publishes beside it. */
    record Keys(String signingSeed, String published) {
    }

    private static final Keys BEFORE = new Keys(OLD_SEED, "");
    private static final Keys STEP_1_PUBLISH_NEW = new Keys(OLD_SEED, NEW + "@2026-12-06/");
    private static final Keys STEP_2_SIGN_NEW = new Keys(NEW_SEED, OLD + "@2026-01-01/2026-12-06");

    private final Map<String, String> database = TestDatabases.fresh();
    private final Instances instances = new Instances();
    private String learner;
    private String number;

    @AfterEach
    void stop() {
        instances.close();
    }

    @Test
    void everyCredentialVerifiesAgainstEveryInstanceThroughoutTheDocumentedRotation() {
        EmbeddedServer a = start(BEFORE);
        EmbeddedServer b = start(BEFORE);
        certificate(a);
        JsonObject handedOutBefore = credential(a);
        for (Keys step : List.of(STEP_1_PUBLISH_NEW, STEP_2_SIGN_NEW)) {
            a = restart(a, step);
            everyCredentialVerifiesEverywhere(a, b, handedOutBefore);
            b = restart(b, step);
            everyCredentialVerifiesEverywhere(a, b, handedOutBefore);
        }
        assertTrue(proofKey(credential(b)).endsWith("#" + NEW), "signed with the new key after the roll");
        JsonObject retired = method(profile(b), OLD);
        assertEquals("2026-12-06T00:00:00Z", retired.getString("validUntil"));
        assertEquals("2026-01-01T00:00:00Z", retired.getString("validFrom"));
        assertFalse(retired.containsKey("expires") || retired.containsKey("revoked"), "nothing that tells verifiers to refuse it");
    }

    @Test
    void withoutItsKeyPublishedACredentialHandedOutBeforeNoLongerVerifies() {
        EmbeddedServer a = start(BEFORE);
        certificate(a);
        JsonObject handedOutBefore = credential(a);

        a = restart(a, new Keys(NEW_SEED, ""));
        assertFalse(verifies(handedOutBefore, a), "the profile no longer knows the key");

        a = restart(a, STEP_2_SIGN_NEW);
        assertTrue(verifies(handedOutBefore, a));
    }

    @Test
    void signingWithAKeyTheOtherInstanceDoesNotPublishIsUnverifiableThroughIt() {
        EmbeddedServer a = start(BEFORE);
        EmbeddedServer b = start(BEFORE);
        certificate(a);
        a = restart(a, STEP_2_SIGN_NEW);

        assertTrue(verifies(credential(a), a));
        assertFalse(verifies(credential(a), b), "b's profile does not list the key a now signs with");
    }

    @Test
    void aWrongPublishedKeyStopsTheStartNamingTheSetting() {
        for (String wrong : List.of("z6MkNotAKey", NEW + "@2026-12-06", NEW + "@2026-12-06/2026-01-01", NEW + "@yesterday/")) {
            Map<String, Object> properties = properties(new Keys(OLD_SEED, wrong));
            Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> ApplicationContext.run(EmbeddedServer.class,
                    properties).close());
            assertTrue(rootMessage(refused).startsWith(PublishedKeys.SETTING + " entry"), wrong + ": " + rootMessage(refused));
        }
    }

    private void everyCredentialVerifiesEverywhere(EmbeddedServer a, EmbeddedServer b, JsonObject handedOutBefore) {
        for (JsonObject credential : List.of(credential(a), credential(b), handedOutBefore)) {
            for (EmbeddedServer profileFrom : List.of(a, b)) {
                assertTrue(verifies(credential, profileFrom), proofKey(credential) + " through " + profileFrom.getPort());
            }
        }
    }

    /** Verifies a credential's proof as a verifier would: the key its proof names, looked up in an instance's profile. */
    private static boolean verifies(JsonObject credential, EmbeddedServer profileFrom) {
        String method = proofKey(credential);
        JsonObject found = method(profile(profileFrom), method.substring(method.indexOf('#') + 1));
        return found != null && DataIntegrity.verify(credential, key(found.getString("publicKeyMultibase")));
    }

    private static String proofKey(JsonObject credential) {
        JsonValue proof = credential.get("proof");
        JsonObject first = proof.getValueType() == JsonValue.ValueType.ARRAY ? proof.asJsonArray().getJsonObject(0) : proof.asJsonObject();
        return first.getString("verificationMethod");
    }

    private static JsonObject method(JsonObject profile, String multikey) {
        return profile.getJsonArray("verificationMethod").stream().map(JsonValue::asJsonObject)
                .filter(method -> method.getString("id").endsWith("#" + multikey)
                        && profile.getJsonArray("assertionMethod").getValuesAs(jakarta.json.JsonString.class).stream()
                        .anyMatch(id -> id.getString().equals(method.getString("id"))))
                .findFirst().orElse(null);
    }

    private static PublicKey key(String multikey) {
        byte[] decoded = Base58.decode(multikey.substring(1));
        return Ed25519Keys.publicKey(Arrays.copyOfRange(decoded, 2, decoded.length));
    }

    private static JsonObject profile(EmbeddedServer server) {
        try (HttpClient http = HttpClient.create(server.getURL())) {
            return parse(http.toBlocking().retrieve(HttpRequest.GET(CredentialService.ISSUER_PATH)));
        }
    }

    private JsonObject credential(EmbeddedServer server) {
        try (HttpClient http = HttpClient.create(server.getURL())) {
            return parse(http.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + number + "/credential").bearerAuth(learner)));
        }
    }

    private void certificate(EmbeddedServer server) {
        try (HttpClient http = HttpClient.create(server.getURL())) {
            TestUsers users = TestUsers.of(server.getApplicationContext(), http);
            learner = users.tokenFor("rotation.learner", Roles.LEARNER);
            number = PortfolioCourse.certified(http, users.tokenFor("rotation.trainer", Roles.TRAINER), users.tokenFor("rotation.admin", Roles.ADMIN),
                    "rotation.learner", learner, "ROTATE-1");
            assertNotNull(number);
        }
    }

    private EmbeddedServer start(Keys keys) {
        return instances.start(properties(keys));
    }

    private Map<String, Object> properties(Keys keys) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.putAll(TestFolders.localEvidence());
        properties.put("app.badges.signing-key", keys.signingSeed());
        properties.put("app.badges.published-keys", keys.published());
        return properties;
    }

    private EmbeddedServer restart(EmbeddedServer server, Keys keys) {
        return instances.restart(server, properties(keys));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
