package tw.training.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import tw.training.testing.SeedCertificates;
import tw.training.testing.TestUsers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        JsonNode statements = list("?learner=xapi.learner").get("statements");
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
        assertEquals(1, list("?learner=xapi.learner&verb=http://id.tincanapi.com/verb/earned").get("statements").size());
        assertEquals(7, list("?learner=xapi.learner").get("statements").size());
        assertEquals(0, list("?learner=nobody").get("statements").size());
        assertEquals(0, list("?learner=xapi.learner&since=2999-01-01T00:00:00Z").get("statements").size());
        assertEquals(7, list("?learner=xapi.learner&since=2000-01-01T00:00:00Z&until=2999-01-01T00:00:00Z").get("statements").size());
        assertEquals(1, list("?learner=xapi.learner&verb=http://adlnet.gov/expapi/verbs/completed").get("statements").size());
        assertEquals(4, list("?learner=xapi.learner&verb=http://adlnet.gov/expapi/verbs/passed").get("statements").size());
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
        list("?learner=xapi.learner&verb=http://adlnet.gov/expapi/verbs/passed").get("statements").forEach(statement -> all.add(statement.get("id").asText()));
        assertEquals(all, ids, "in order, none twice, none left out");
        assertEquals("", list("").get("more").asText());
        assertEquals(0, list("?learner=" + URLEncoder.encode("a\"b c&d", StandardCharsets.UTF_8) + "&limit=1")
                .get("statements").size(), "any learner filter, the answer still JSON");
    }

    /** Acceptance 1 for every seed: a certificate of each, and each statement on the way to it keeps the rules. */
    @Test
    void theStatementsOfACertificateOfEachSeedKeepTheRules() throws Exception {
        TestUsers users = TestUsers.of(context, http);
        List<SeedCertificates.Earned> earned = SeedCertificates.earn(context, http, "XAPI-SEED", trainer, admin, "xapi.seeds",
                users.tokenFor("xapi.seeds", Roles.LEARNER));
        assertEquals(5, earned.size(), "the five seeds");
        JsonNode statements = list("?learner=xapi.seeds&limit=1000").get("statements");
        for (JsonNode statement : statements) {
            assertEquals(List.of(), XapiRules.problems(statement), statement.toString());
        }
        List<String> told = new ArrayList<>();
        statements.forEach(s -> told.add(s.get("verb").get("display").get("en-US").asText() + " " + s.get("object").get("id").asText()
                .replaceFirst(".*/xapi/activities/", "")));
        List<String> expected = new ArrayList<>();
        for (SeedCertificates.Earned seed : earned) {
            expected.add("shared evidence/" + seed.evidenceId());
            seed.indicators().forEach(indicator -> expected.add("passed indicators/" + indicator));
            expected.add("completed courses/" + seed.courseCode());
            expected.add("earned certificates/" + seed.certificateNumber());
        }
        assertEquals(expected, told, "evidence, a judgement of each indicator, the completion, the certificate: for each seed, in order");
    }

    /** The rules are not a formality: a statement broken in each way is told each fault. */
    @Test
    void theRulesCanFail() throws Exception {
        ObjectNode broken = (ObjectNode) list("?limit=1").get("statements").get(0);
        assertEquals(List.of(), XapiRules.problems(broken));
        broken.put("id", "not-a-uuid");
        ((ObjectNode) broken.get("actor")).put("mbox", "mailto:learner@example.org");
        broken.put("timestamp", "2026-11-29T10:00:00");
        broken.put("score", 3);
        ((ObjectNode) broken.get("verb").get("display")).put("not a tag", "x");
        ((ObjectNode) broken.get("object")).putNull("definition");
        ((ObjectNode) broken.get("object")).put("id", "evidence 1");
        assertEquals(7, XapiRules.problems(broken).size(), XapiRules.problems(broken).toString());
    }
}
