package tw.training.badge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.SeedCertificates;
import tw.training.testing.TestUsers;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A certificate as an Open Badges 3.0 credential (issue 19): it validates against the published OB 3.0 schema (formats
 * asserted), its proof verifies with the key the issuer's public profile publishes, one changed field breaks it, its
 * alignment leads to the task's CASE item, and once the certificate is revoked its status list says so. Only the learner,
 * the course's trainers and admins get it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialTest implements DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private String learner;
    private String trainer;
    private String admin;
    private String number;
    private TestUsers users;

    @BeforeAll
    void aCertificate() {
        users = TestUsers.of(context, http);
        trainer = users.tokenFor("badge.trainer", Roles.TRAINER);
        admin = users.tokenFor("badge.admin", Roles.ADMIN);
        learner = users.tokenFor("badge.learner", Roles.LEARNER);
        number = PortfolioCourse.certified(http, trainer, admin, "badge.learner", learner, "BADGE-1");
    }

    private String credential(String token) {
        HttpResponse<String> answer = http.toBlocking().exchange(HttpRequest.GET("/api/certificates/" + number + "/credential").bearerAuth(token), String.class);
        assertEquals("application/ld+json", answer.getContentType().orElseThrow().toString());
        return answer.body();
    }

    static Schema obSchema() throws Exception {
        try (InputStream in = CredentialTest.class.getResourceAsStream("/schemas/ob_v3p0_achievementcredential.schema.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String location = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential-jsonschema1.json";
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09, builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemas(Map.of(location, text))).getSchema(SchemaLocation.of(location));
        }
    }

    @Test
    void theCredentialValidatesAndItsProofVerifiesWithThePublishedKey() throws Exception {
        String body = credential(learner);
        JsonNode tree = JSON.readTree(body);
        assertEquals(List.of(), obSchema().validate(tree).stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList());
        assertEquals("OpenBadgeCredential", tree.get("type").get(1).asText());
        JsonNode alignment = tree.get("credentialSubject").get("achievement").get("alignment").get(0);
        assertEquals("CFItem", alignment.get("targetType").asText());
        assertEquals("KPS5294-001v4:T2.3", alignment.get("targetCode").asText());
        JsonNode item = JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET(URI.create(alignment.get("targetUrl").asText()).getPath()).bearerAuth(learner)));
        assertEquals("T2.3", item.get("humanCodingScheme").asText(), "the alignment leads to the task's CASE item");

        PublicKey key = publishedKey(tree.get("proof").get(0).get("verificationMethod").asText());
        JsonObject signed = parse(body);
        assertTrue(DataIntegrity.verify(signed, key));
        assertFalse(DataIntegrity.verify(Json.createObjectBuilder(signed).add("validFrom", "2020-01-01T00:00:00Z").build(), key),
                "one changed field breaks the proof");
        assertEquals(body, credential(trainer), "the course's trainer gets the same credential");
    }

    @Test
    void onAcceptVcJwtTheCredentialIsAJwsSignedWithTheSameKey() throws Exception {
        HttpResponse<String> answer = http.toBlocking().exchange(HttpRequest.GET("/api/certificates/" + number + "/credential")
                .accept("application/vc+jwt").bearerAuth(learner), String.class);
        assertEquals("application/vc+jwt", answer.getContentType().orElseThrow().toString());
        String jwt = answer.body();
        JsonNode header = JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))));
        assertEquals("EdDSA", header.get("alg").asText());
        assertEquals("vc+jwt", header.get("typ").asText());
        JsonObject payload = VcJwt.verify(jwt, publishedKey(header.get("kid").asText()));
        assertTrue(payload != null, "the signature verifies with the published key");
        JsonNode credential = JSON.readTree(payload.toString());
        assertEquals(List.of(), obSchema().validate(credential).stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList());
        assertFalse(credential.has("proof"), "the JWS secures it, not an embedded proof");
        String tampered = jwt.substring(0, jwt.indexOf('.') + 1) + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.toString().replace("\"validFrom\":\"", "\"validFrom\":\"1").getBytes(StandardCharsets.UTF_8)) + jwt.substring(jwt.lastIndexOf('.'));
        assertEquals(null, VcJwt.verify(tampered, publishedKey(header.get("kid").asText())), "a changed payload fails");
    }

    /**
     * Issue 28, point 12: the credential's status is a W3C Bitstring Status List entry; the list is a credential signed
     * with the issuer's key, and its bit for this credential turns to 1 when the certificate is revoked.
     */
    @Test
    void aRevokedCertificatesCredentialIsReportedRevokedByItsStatusList() throws Exception {
        JsonNode status = JSON.readTree(credential(admin)).get("credentialStatus");
        assertEquals("BitstringStatusListEntry", status.get("type").asText());
        assertEquals("revocation", status.get("statusPurpose").asText());
        int index = Integer.parseInt(status.get("statusListIndex").asText());
        String listPath = URI.create(status.get("statusListCredential").asText()).getPath();
        assertFalse(revokedInList(listPath, index), "public, and not revoked yet");
        http.toBlocking().exchange(HttpRequest.POST("/api/certificates/" + number + "/revocation", Map.of("reason", "評量紀錄有誤")).bearerAuth(admin));
        assertTrue(revokedInList(listPath, index), "revoked: its bit is set");
        for (String missing : List.of("/credentials/status-lists/99", "/credentials/status-lists/-1", "/credentials/status-lists/x")) {
            assertEquals(404, assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.GET(missing))).code(), missing);
        }
    }

    /** The status list fetched as a verifier does: its schema's shape, its proof checked with the issuer's key, then the bit. */
    private boolean revokedInList(String listPath, int index) throws Exception {
        HttpResponse<String> answer = http.toBlocking().exchange(HttpRequest.GET(listPath), String.class);
        JsonObject list = parse(answer.body());
        assertEquals(List.of("VerifiableCredential", "BitstringStatusListCredential"),
                list.getJsonArray("type").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(DataIntegrity.verify(list, publishedKey(list.getJsonArray("proof").getJsonObject(0).getString("verificationMethod"))),
                "the list is signed by the issuer");
        assertEquals(List.of(), ExpandedTerms.undefined(list), "every term of the list is defined");
        JsonObject subject = list.getJsonObject("credentialSubject");
        assertEquals("revocation", subject.getString("statusPurpose"));
        return StatusLists.isSet(subject.getString("encodedList"), index);
    }

    @Test
    void everyTermAndTypeOfTheCredentialIsDefinedByTheBundledContexts() throws Exception {
        assertEquals(List.of(), ExpandedTerms.undefined(parse(credential(learner))));
    }

    @Test
    void theTermCheckCanFail() throws Exception {
        JsonObject credential = parse(credential(learner));
        JsonObject before = Json.createObjectBuilder(credential).add("credentialStatus", Json.createObjectBuilder()
                .add("id", "https://example.org/status/1").add("type", "1EdTechRevocationList")).build();
        assertFalse(ExpandedTerms.undefined(before).isEmpty(), "the 1EdTech status type no bundled context defines");
        JsonObject foreign = Json.createObjectBuilder(credential).add("nickname", "小明").build();
        assertFalse(ExpandedTerms.undefined(foreign).isEmpty(), "a property no context defines");
    }

    @Test
    void onlyTheLearnerTheTrainersAndAdminsGetIt() {
        for (String stranger : List.of(users.tokenFor("badge.stranger", Roles.LEARNER), users.tokenFor("badge.other", Roles.TRAINER))) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET("/api/certificates/" + number + "/credential").bearerAuth(stranger)));
            assertEquals(404, refused.code());
        }
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/certificates/" + number + "/credential")));
        assertEquals(401, anonymous.code());
    }

    /** Acceptance 1, "a certificate of each": a course on a task of each seed, certified, its credential valid and verified. */
    @Test
    void aCredentialForACertificateOfEachSeedValidatesAndVerifies() throws Exception {
        Schema schema = obSchema();
        String learnerOfAll = users.tokenFor("badge.seeds", Roles.LEARNER);
        List<SeedCertificates.Earned> earned = SeedCertificates.earn(context, http, "OB", trainer, admin, "badge.seeds", learnerOfAll);
        for (SeedCertificates.Earned seed : earned) {
            String body = http.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + seed.certificateNumber() + "/credential").bearerAuth(learnerOfAll));
            JsonNode tree = JSON.readTree(body);
            assertEquals(List.of(), schema.validate(tree).stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList(), seed.standardCode());
            assertTrue(DataIntegrity.verify(parse(body), publishedKey(tree.get("proof").get(0).get("verificationMethod").asText())), seed.standardCode());
            assertEquals(List.of(), ExpandedTerms.undefined(parse(body)), seed.standardCode());
            assertEquals(seed.standardCode() + ":" + seed.taskCode(), tree.get("credentialSubject").get("achievement").get("alignment").get(0).get("targetCode").asText());
        }
        assertEquals(5, earned.size(), "the five seeds");
    }

    /** The key a proof names, resolved as a verifier would: the issuer's public profile, anonymously. */
    private PublicKey publishedKey(String verificationMethod) throws Exception {
        JsonNode issuer = JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET(URI.create(verificationMethod).getPath())));
        JsonNode method = issuer.get("verificationMethod").get(0);
        assertEquals(verificationMethod, method.get("id").asText());
        byte[] multikey = Base58.decode(method.get("publicKeyMultibase").asText().substring(1));
        return Ed25519Keys.publicKey(Arrays.copyOfRange(multikey, 2, multikey.length));
    }

    private static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
