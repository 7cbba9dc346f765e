package tw.training.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * xAPI statements (issue 19): evidence submitted, each judgement, an enrollment completed and a certificate issued each leave one statement, written with
 * the event (a refused submission leaves none), that keeps xAPI 1.0.3's rules — a UUID id, an actor with exactly one
 * identifier (an account on this provider), verb and object IRIs, a timestamp with its zone — and administrators read
 * them filtered by time, learner and verb.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XapiStatementsTest implements DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private String admin;
    private String learner;
    private String trainer;

    @BeforeAll
    void aLearnerEarnsACertificate() {
        TestUsers users = TestUsers.of(context, http);
        trainer = users.tokenFor("xapi.trainer", Roles.TRAINER);
        admin = users.tokenFor("xapi.admin", Roles.ADMIN);
        learner = users.tokenFor("xapi.learner", Roles.LEARNER);
        PortfolioCourse course = PortfolioCourse.publish(http, trainer, "XAPI-1", "客訴處理實務");
        long enrollment = course.enroll("xapi.learner");
        long evidence = course.submitPdf(learner, enrollment, "完整演練", PortfolioCourse.INDICATORS);
        assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.POST("/api/enrollments/" + enrollment + "/evidence",
                MultipartBody.builder().addPart("metadata", "{\"method\":\"PORTFOLIO\",\"title\":\"錯誤\",\"indicators\":[\"KPS5294-001v4:P9.9.9\"]}").build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(learner)), "a refused submission");
        course.meet(evidence, PortfolioCourse.INDICATORS, "完整");
        PortfolioCourse.post(http, "/api/enrollments/" + enrollment + "/certificate", admin, Map.of());
    }

    private JsonNode list(String query) throws Exception {
        return JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET("/api/xapi/statements" + query).bearerAuth(admin)));
    }

    @Test
    void eachEventLeavesOneStatementThatKeepsTheRules() throws Exception {
        JsonNode statements = list("").get("statements");
        List<String> verbs = new ArrayList<>();
        for (JsonNode statement : statements) {
            verbs.add(statement.get("verb").get("id").asText());
            List<String> problems = XapiRules.problems(statement);
            assertEquals(List.of(), problems, statement.toString());
            assertEquals("xapi.learner", statement.get("actor").get("account").get("name").asText());
        }
        String passed = "http://adlnet.gov/expapi/verbs/passed";
        assertEquals(List.of("http://adlnet.gov/expapi/verbs/shared", passed, passed, passed, passed, "http://adlnet.gov/expapi/verbs/completed",
                "http://id.tincanapi.com/verb/earned"), verbs,
                "one per event (each of the four judgements, the completion they brought), in order; the refused submission left none");
        JsonNode judged = statements.get(1);
        assertEquals("xapi.trainer", judged.get("context").get("instructor").get("account").get("name").asText(), "the assessor as instructor");
        assertTrue(judged.get("object").get("id").asText().endsWith("/xapi/activities/indicators/KPS5294-001v4:P2.3.1"));
        assertTrue(judged.get("result").get("success").asBoolean());
    }

    @Test
    void administratorsFilterByTimeLearnerAndVerb() throws Exception {
        assertEquals(1, list("?verb=http://id.tincanapi.com/verb/earned").get("statements").size());
        assertEquals(7, list("?learner=xapi.learner").get("statements").size());
        assertEquals(0, list("?learner=nobody").get("statements").size());
        assertEquals(0, list("?since=2999-01-01T00:00:00Z").get("statements").size());
        assertEquals(7, list("?since=2000-01-01T00:00:00Z&until=2999-01-01T00:00:00Z").get("statements").size());
        assertEquals(1, list("?verb=http://adlnet.gov/expapi/verbs/completed").get("statements").size());
        assertEquals(4, list("?verb=http://adlnet.gov/expapi/verbs/passed").get("statements").size());
        for (String bad : List.of("?limit=0", "?since=yesterday", "?after=-1", "?after=x")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET("/api/xapi/statements" + bad).bearerAuth(admin)));
            assertEquals(422, refused.code(), bad);
        }
        for (String token : List.of(learner, trainer)) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET("/api/xapi/statements").bearerAuth(token)));
            assertEquals(403, refused.code());
        }
    }

    /** As an LRS pages: {@code more} the relative address of the next page, keeping the filters, empty on the last. */
    @Test
    void pagesAreFollowedThroughMore() throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> verbs = new ArrayList<>();
        String next = "/api/xapi/statements?learner=xapi.learner&verb=http://adlnet.gov/expapi/verbs/passed&limit=3";
        int pages = 0;
        while (!next.isEmpty()) {
            JsonNode page = JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET(next).bearerAuth(admin)));
            page.get("statements").forEach(statement -> {
                ids.add(statement.get("id").asText());
                verbs.add(statement.get("verb").get("id").asText());
            });
            next = page.get("more").asText();
            pages++;
        }
        assertEquals(2, pages, "four passed statements, three a page");
        assertEquals(4, ids.stream().distinct().count());
        assertEquals(List.of("http://adlnet.gov/expapi/verbs/passed"), verbs.stream().distinct().toList(), "the filter kept on the next page");
        List<String> all = new ArrayList<>();
        list("?verb=http://adlnet.gov/expapi/verbs/passed").get("statements").forEach(statement -> all.add(statement.get("id").asText()));
        assertEquals(all, ids, "in order, none twice, none left out");
        assertEquals("", list("").get("more").asText());
        assertEquals(0, list("?learner=" + java.net.URLEncoder.encode("a\"b c&d", java.nio.charset.StandardCharsets.UTF_8) + "&limit=1")
                .get("statements").size(), "any learner filter, the answer still JSON");
    }

    /** xAPI 1.0.3's rules for a statement, as an LRS checks them on receipt. */
    static final class XapiRules {

        private XapiRules() {
        }

        static List<String> problems(JsonNode statement) {
            List<String> problems = new ArrayList<>();
            try {
                UUID id = UUID.fromString(statement.path("id").asText());
                if (!id.toString().equals(statement.path("id").asText())) {
                    problems.add("id is not a lowercase UUID");
                }
            } catch (IllegalArgumentException e) {
                problems.add("id is not a UUID");
            }
            JsonNode actor = statement.path("actor");
            int identifiers = 0;
            for (String identifier : List.of("mbox", "mbox_sha1sum", "openid", "account")) {
                identifiers += actor.has(identifier) ? 1 : 0;
            }
            if (identifiers != 1) {
                problems.add("the actor has " + identifiers + " identifiers, not exactly one");
            }
            if (actor.has("account") && (!actor.path("account").path("homePage").asText().startsWith("http") || actor.path("account").path("name").asText().isEmpty())) {
                problems.add("an account needs a homePage IRL and a name");
            }
            if (!statement.path("verb").path("id").asText().matches("https?://.+")) {
                problems.add("the verb id is not an IRI");
            }
            if (!statement.path("object").path("id").asText().matches("https?://.+")) {
                problems.add("the object id is not an IRI");
            }
            try {
                OffsetDateTime.parse(statement.path("timestamp").asText());
            } catch (RuntimeException e) {
                problems.add("the timestamp is not an ISO 8601 time with its zone");
            }
            if (!"1.0.3".equals(statement.path("version").asText())) {
                problems.add("version is not 1.0.3");
            }
            return problems;
        }
    }
}
