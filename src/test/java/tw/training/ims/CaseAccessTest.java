package tw.training.ims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.FormClient;
import tw.training.testing.TestUsers;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrator opens the CASE provider to anyone and closes it again, in the service: anonymous reads follow at once
 * on this instance and, after its next refresh, on another sharing the database; only administrators may change it, each
 * change is in the audit trail, and clearing it returns to the configuration (here: signed-in users only).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseAccessTest implements DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/admin/settings/case-public-read";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private Map<String, String> properties;
    private String admin;
    private TestUsers users;

    @Override
    public Map<String, String> getProperties() {
        if (properties == null) {
            properties = DatabaseTest.super.getProperties();
        }
        return properties;
    }

    @BeforeAll
    void anAdministrator() {
        users = TestUsers.of(context, http);
        admin = users.tokenFor("case.admin", Roles.ADMIN);
    }

    private int anonymousRead(HttpClient client) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET("/ims/case/v1p1/CFDocuments")).code();
        } catch (HttpClientResponseException refused) {
            return refused.code();
        }
    }

    private JsonNode put(String body) throws Exception {
        return JSON.readTree(http.toBlocking().retrieve(HttpRequest.PUT(PATH, body).contentType("application/json").bearerAuth(admin)));
    }

    @Test
    void anAdministratorOpensAndClosesTheReadsAndEveryInstanceFollows() throws Exception {
        JsonNode shown = JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET(PATH).bearerAuth(admin)));
        assertEquals(false, shown.get("publicRead").asBoolean());
        assertEquals(false, shown.get("configured").asBoolean());
        assertTrue(!shown.has("setByAdministrator") || shown.get("setByAdministrator").isNull());
        assertEquals(401, anonymousRead(http), "signed-in users only by default");

        Map<String, Object> again = new HashMap<>(properties);
        again.put("micronaut.server.port", -1);
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, again);
             HttpClient otherClient = HttpClient.create(other.getURL())) {
            JsonNode opened = put("{\"publicRead\":true}");
            assertEquals(true, opened.get("publicRead").asBoolean());
            assertEquals(true, opened.get("setByAdministrator").asBoolean());
            assertEquals("case.admin", opened.get("updatedBy").asText());
            assertEquals(200, anonymousRead(http), "at once where it was changed");
            assertEquals(401, anonymousRead(otherClient), "the other instance until it reads the setting again");
            other.getApplicationContext().getBean(CaseAccess.class).refresh();
            assertEquals(200, anonymousRead(otherClient), "and then there too");

            assertEquals(false, put("{\"publicRead\":false}").get("publicRead").asBoolean());
            assertEquals(401, anonymousRead(http));
            other.getApplicationContext().getBean(CaseAccess.class).refresh();
            assertEquals(401, anonymousRead(otherClient));
        }
        JsonNode cleared = put("{\"publicRead\":null}");
        assertEquals(false, cleared.get("publicRead").asBoolean(), "as configured");
        assertTrue(!cleared.has("setByAdministrator") || cleared.get("setByAdministrator").isNull());

        JsonNode audit = JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET("/api/audit?type=SETTING_CHANGED&username=case.admin").bearerAuth(admin)));
        assertEquals(3, audit.size());
        List<String> details = new java.util.ArrayList<>();
        audit.forEach(event -> details.add(event.get("detail").asText()));
        assertEquals(List.of("case.public-read as configured (false)", "case.public-read false", "case.public-read true"), details, "newest first");
    }

    @Test
    void onlyAdministratorsChangeOrReadIt() {
        for (String token : List.of(users.tokenFor("case.trainer", Roles.TRAINER), users.tokenFor("case.learner", Roles.LEARNER))) {
            assertEquals(403, assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                    HttpRequest.PUT(PATH, "{\"publicRead\":true}").contentType("application/json").bearerAuth(token))).code());
            assertEquals(403, assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                    HttpRequest.GET(PATH).bearerAuth(token))).code());
        }
        assertEquals(401, assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PUT(PATH, "{\"publicRead\":true}").contentType("application/json"))).code());
        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.PUT(PATH, "{\"publicRead\":\"maybe\"}").contentType("application/json").bearerAuth(admin)));
        assertTrue(bad.code() == 400 || bad.code() == 422, "refused as bad input: " + bad.code());
        assertEquals("application/problem+json", bad.getResponse().getContentType().map(Object::toString).orElse(""));
        for (String body : List.of("not json", "[true]", "null", "{\"publicRead\":true,\"more\":1}", "{\"publicRead\":1}")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                    HttpRequest.PUT(PATH, body).contentType("application/json").bearerAuth(admin)));
            assertTrue(refused.code() == 400 || refused.code() == 422, body + ": " + refused.code());
            assertEquals("application/problem+json", refused.getResponse().getContentType().map(Object::toString).orElse(""), body);
        }
        assertEquals(401, anonymousRead(http), "none of these opened anything");
    }

    /** The same switch on the administrator's settings page, a plain form; a choice that is none of the three is refused. */
    @Test
    void theSettingsPageChangesItToo() {
        users.create("case.page.admin", Roles.ADMIN);
        FormClient page = new FormClient(server.getURL().toString(), "zh-TW").signIn("case.page.admin", TestUsers.PASSWORD);
        HttpResponse<String> shown = page.get("/admin/settings");
        assertEquals(200, shown.statusCode());
        assertTrue(shown.body().contains("value=\"configured\" checked"), "follows the configuration until set");

        HttpResponse<String> saved = page.postForm("/admin/settings/case-public-read", "caseRead", "anyone");
        assertEquals(303, saved.statusCode());
        assertEquals(200, anonymousRead(http));
        String after = page.get("/admin/settings?saved").body();
        assertTrue(after.contains("value=\"anyone\" checked") && after.contains("case.page.admin"), "the choice and who made it");

        assertEquals(422, page.postForm("/admin/settings/case-public-read", "caseRead", "everyone").statusCode());
        assertEquals(200, anonymousRead(http), "a refused form changes nothing");
        assertEquals(303, page.postForm("/admin/settings/case-public-read", "caseRead", "configured").statusCode());
        assertEquals(401, anonymousRead(http));
    }
}
