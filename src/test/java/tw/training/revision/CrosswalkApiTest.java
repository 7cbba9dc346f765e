package tw.training.revision;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.Parallel;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 35, build 2, on H2 and PostgreSQL: a crosswalk proposed from KPS5294-001v4 to the revised v5 through the API,
 * proposed once however often and however at once it is asked, refused between versions that are not one the other's
 * successor; reviewed (every old item said, each fault named, nothing half saved), confirmed, and unchangeable after.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrosswalkApiTest implements DatabaseTest {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    private String trainer;
    private String admin;
    private String learner;
    private long crosswalk;

    @BeforeAll
    void twoVersionsAndAThird() throws IOException {
        TestUsers users = TestUsers.of(context, http);
        trainer = users.tokenFor("crosswalk.trainer", Roles.TRAINER);
        admin = users.tokenFor("crosswalk.admin", Roles.ADMIN);
        learner = users.tokenFor("crosswalk.learner", Roles.LEARNER);
        for (String text : List.of(v5(), v3())) {
            http.toBlocking().exchange(HttpRequest.POST("/api/standards", text.getBytes(StandardCharsets.UTF_8))
                    .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(trainer));
        }
    }

    static String v5() {
        return RevisedStandard.text();
    }

    static String v3() {
        return RevisedStandard.v3();
    }

    private HttpResponse<Map<String, Object>> send(MutableHttpRequest<?> request, String token) {
        return http.toBlocking().exchange(request.bearerAuth(token), JSON);
    }

    private HttpClientResponseException refused(MutableHttpRequest<?> request, String token) {
        return assertThrows(HttpClientResponseException.class, () -> send(request, token));
    }

    private static Set<String> lines(Map<String, Object> crosswalk) {
        Set<String> lines = new HashSet<>();
        for (Object o : (List<?>) crosswalk.get("lines")) {
            Map<?, ?> line = (Map<?, ?>) o;
            lines.add(line.get("kind") + " " + (line.get("from") == null ? "-" : line.get("from")) + " " + line.get("relation") + " "
                    + (line.get("to") == null ? "-" : line.get("to")));
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(HttpClientResponseException refused) {
        Map<String, Object> problem = refused.getResponse().getBody(JSON).orElseThrow();
        return ((List<Map<String, Object>>) problem.getOrDefault("errors", List.of())).stream().map(e -> (String) e.get("field")).toList();
    }

    @Test
    @Order(1)
    void theProposalIsTheOneAReviewerConfirmsAndIsMadeOnce() throws Exception {
        HttpResponse<Map<String, Object>> proposed = send(HttpRequest.POST("/api/crosswalks", Map.of("from", "KPS5294-001v4", "to", "KPS5294-001v5")), trainer);
        assertEquals(201, proposed.code());
        Map<String, Object> body = proposed.body();
        crosswalk = ((Number) body.get("id")).longValue();
        assertEquals("/api/crosswalks/" + crosswalk, proposed.header("Location"));
        assertEquals("PROPOSED", body.get("status"));
        assertEquals("crosswalk.trainer", body.get("proposedBy"));
        assertEquals(CrosswalkProposerTest.confirmed(), lines(body));

        HttpResponse<Map<String, Object>> again = send(HttpRequest.POST("/api/crosswalks", Map.of("from", "KPS5294-001v4", "to", "KPS5294-001v5")), admin);
        assertEquals(200, again.code());
        assertEquals(crosswalk, ((Number) again.body().get("id")).longValue());

        // eight at once, for the other step of the family: one crosswalk, the same for all
        List<Long> ids = Parallel.run(8, client -> ((Number) send(HttpRequest.POST("/api/crosswalks",
                Map.of("from", "KPS5294-001v3", "to", "KPS5294-001v4")), trainer).body().get("id")).longValue());
        assertEquals(1, new HashSet<>(ids).size(), ids.toString());
        assertEquals("2", new RowCounts(dataSource, List.of()).single("SELECT COUNT(*) FROM crosswalk"));
    }

    @Test
    @Order(2)
    void onlyFromAVersionToTheOneThatSupersededItAndOnlyForTrainersAndAdministrators() {
        assertEquals(403, refused(HttpRequest.POST("/api/crosswalks", Map.of("from", "KPS5294-001v4", "to", "KPS5294-001v5")), learner).code());
        assertEquals(403, refused(HttpRequest.GET("/api/crosswalks/" + crosswalk), learner).code());
        HttpClientResponseException skipping = refused(HttpRequest.POST("/api/crosswalks", Map.of("from", "KPS5294-001v3", "to", "KPS5294-001v5")), trainer);
        assertEquals(422, skipping.code());
        assertEquals(List.of("to"), fields(skipping));
        assertEquals(422, refused(HttpRequest.POST("/api/crosswalks", Map.of("from", "KPS5294-001v5", "to", "KPS5294-001v4")), trainer).code());
        HttpClientResponseException unknown = refused(HttpRequest.POST("/api/crosswalks", Map.of("from", "NOPE-001v1", "to", "KPS5294-001v5")), trainer);
        assertEquals(List.of("from"), fields(unknown));
        assertEquals(404, refused(HttpRequest.GET("/api/crosswalks/999999"), trainer).code());
    }

    /** The old items' lines as a reviewer sends them back: every line but the NEW ones. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> said() {
        List<Map<String, Object>> said = new ArrayList<>();
        for (Map<String, Object> line : (List<Map<String, Object>>) send(HttpRequest.GET("/api/crosswalks/" + crosswalk), trainer).body().get("lines")) {
            if (!"NEW".equals(line.get("relation"))) {
                Map<String, Object> copy = new HashMap<>(line);
                copy.remove("similarity");
                said.add(copy);
            }
        }
        return said;
    }

    private static Map<String, Object> line(String kind, String from, String relation, String to, String note) {
        Map<String, Object> line = new HashMap<>(Map.of("kind", kind, "from", from, "relation", relation));
        if (to != null) {
            line.put("to", to);
        }
        if (note != null) {
            line.put("note", note);
        }
        return line;
    }

    @Test
    @Order(3)
    void aReviewerChangesALineEveryFaultIsNamedAndNothingIsHalfSaved() {
        List<Map<String, Object>> faulty = said();
        faulty.removeIf(l -> "P2.3.4".equals(l.get("from")));                                     // an old item not said
        faulty.replaceAll(l -> "P2.4.1".equals(l.get("from")) ? line("INDICATOR", "P2.4.1", "EQUIVALENT", "P2.4.2", null) : l); // P2.4.2 twice
        faulty.add(line("INDICATOR", "P2.5.1", "NONE", "P2.5.1", null));                        // NONE naming an item, and a second line
        faulty.add(line("TASK", "T9.9", "EQUIVALENT", "T2.3", null));                            // no such old task
        List<Object> withNull = new ArrayList<>(faulty);
        withNull.add(null);
        HttpClientResponseException nullLine = refused(HttpRequest.PUT("/api/crosswalks/" + crosswalk + "/lines", withNull), trainer);
        assertEquals(422, nullLine.code(), "a null in the list is no failure: the faults named are the others'");
        HttpClientResponseException refusal = refused(HttpRequest.PUT("/api/crosswalks/" + crosswalk + "/lines", faulty), trainer);
        assertEquals(422, refusal.code());
        List<String> fields = fields(refusal);
        assertTrue(fields.contains("lines[" + (faulty.size() - 2) + "].to") && fields.contains("lines[" + (faulty.size() - 1) + "].from"), fields.toString());
        assertTrue(fields.stream().anyMatch(f -> f.endsWith(".to") && !f.startsWith("lines[" + (faulty.size() - 2))), "P2.4.2 twice: " + fields);
        assertEquals(CrosswalkProposerTest.confirmed(), lines(send(HttpRequest.GET("/api/crosswalks/" + crosswalk), trainer).body()), "unchanged");

        // the reviewer's judgement: the removed P2.3.4 (recording the outcome) lives on in part in the new P2.3.5
        List<Map<String, Object>> reviewed = said();
        reviewed.replaceAll(l -> "P2.3.4".equals(l.get("from")) ? line("INDICATOR", "P2.3.4", "PARTIAL", "P2.3.5", "新版改為回訪確認，紀錄部分需另評") : l);
        Map<String, Object> saved = send(HttpRequest.PUT("/api/crosswalks/" + crosswalk + "/lines", reviewed), admin).body();
        Set<String> expected = new HashSet<>(CrosswalkProposerTest.confirmed());
        expected.remove("INDICATOR P2.3.4 NONE -");
        expected.remove("INDICATOR - NEW P2.3.5");
        expected.add("INDICATOR P2.3.4 PARTIAL P2.3.5");
        assertEquals(expected, lines(saved));
        assertEquals("crosswalk.admin", saved.get("reviewedBy"));
        assertTrue(((List<?>) saved.get("lines")).stream().map(l -> (Map<?, ?>) l).anyMatch(l -> "新版改為回訪確認，紀錄部分需另評".equals(l.get("note"))));
    }

    @Test
    @Order(4)
    void confirmedItNeverChangesAgain() {
        Map<String, Object> confirmed = send(HttpRequest.POST("/api/crosswalks/" + crosswalk + "/confirmation", Map.of()), trainer).body();
        assertEquals("CONFIRMED", confirmed.get("status"));
        assertEquals("crosswalk.trainer", confirmed.get("confirmedBy"));
        Object at = confirmed.get("confirmedAt");
        assertEquals(at, send(HttpRequest.POST("/api/crosswalks/" + crosswalk + "/confirmation", Map.of()), admin).body().get("confirmedAt"),
                "confirming again changes nothing");
        assertEquals(409, refused(HttpRequest.PUT("/api/crosswalks/" + crosswalk + "/lines", said()), trainer).code());
        List<Map<String, Object>> listed = http.toBlocking().retrieve(HttpRequest.GET("/api/crosswalks").bearerAuth(admin), Argument.listOf(JSON));
        assertEquals(2, listed.size());
        assertTrue(listed.stream().anyMatch(c -> "CONFIRMED".equals(c.get("status")) && "KPS5294-001v4".equals(c.get("fromCode"))));
    }
}
