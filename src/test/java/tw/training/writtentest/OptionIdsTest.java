package tw.training.writtentest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.FormClient;
import tw.training.testing.LearningApi;
import tw.training.testing.TestUsers;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Option ids carry nothing of the key (issue 28, points 1 and 2): on a bank written the way authors write, the right
 * answer always first, the id a learner sees for the right option is spread evenly over the four ids, and an id the item
 * does not have is refused without being stored.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptionIdsTest implements DatabaseTest {

    private static final int ITEMS = 40;
    private static final int ATTEMPTS = 5;
    private static final String RIGHT = "正確";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private LearningApi api;
    private String learner;
    private long test;

    @BeforeAll
    void aBankWrittenRightAnswerFirst() {
        api = new LearningApi(http);
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("ids.trainer", Roles.TRAINER);
        long course = api.draftCourse(trainer, "WT-IDS");
        String bank = "kind,stem,options,answer,indicators\n" + IntStream.rangeClosed(1, ITEMS)
                .mapToObj(i -> "SINGLE_CHOICE,第" + i + "題," + RIGHT + "|錯一|錯二|錯三,1,KPS5294-001v4:P2.3.1")
                .collect(Collectors.joining("\n"));
        api.send(trainer, HttpRequest.POST("/api/courses/" + course + "/items", bank).contentType("text/csv"));
        api.post(trainer, "/api/courses/" + course + "/publish", Map.of());
        test = LearningApi.id(api.post(trainer, "/api/courses/" + course + "/tests", Map.of("title", "選項代號", "timeLimitMinutes", 20,
                "maxAttempts", ATTEMPTS + 1, "indicators", List.of(Map.of("indicator", "KPS5294-001v4:P2.3.1", "items", ITEMS, "passMark", 50)),
                "showKey", "AFTER_EACH")));
        learner = users.tokenFor("ids.learner", Roles.LEARNER);
        api.post(trainer, "/api/courses/" + course + "/enrollments", Map.of("username", "ids.learner"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> questions(Map<String, Object> attempt) {
        return (List<Map<String, Object>>) attempt.get("items");
    }

    /** The id the attempt shows for the option with this text. */
    @SuppressWarnings("unchecked")
    private static int idOf(Map<String, Object> question, String text) {
        return ((List<Map<String, Object>>) question.get("options")).stream().filter(o -> text.equals(o.get("text")))
                .map(o -> ((Number) o.get("id")).intValue()).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRightOptionsIdIsSpreadEvenlyThoughAuthorsPutItFirst() {
        long[] rightAt = new long[4];
        for (int n = 0; n < ATTEMPTS; n++) {
            Map<String, Object> open = api.post(learner, "/api/tests/" + test + "/attempts", Map.of());
            long attempt = LearningApi.id(open);
            Map<Long, Integer> shown = questions(open).stream().collect(Collectors.toMap(q -> ((Number) q.get("itemId")).longValue(), q -> idOf(q, RIGHT)));
            shown.values().forEach(id -> rightAt[id - 1]++);
            assertEquals(shown, questions(api.get(learner, "/api/attempts/" + attempt)).stream()
                    .collect(Collectors.toMap(q -> ((Number) q.get("itemId")).longValue(), q -> idOf(q, RIGHT))), "the ids are the attempt's own, kept");
            for (Map<String, Object> q : questions(open)) {
                api.put(learner, "/api/attempts/" + attempt + "/answers/" + q.get("itemId"), Map.of("choices", List.of(1)));
            }
            Map<String, Object> closed = api.post(learner, "/api/attempts/" + attempt + "/submission", Map.of());
            long answeredOne = 0;
            for (Map<String, Object> q : questions(closed)) {
                int right = shown.get(((Number) q.get("itemId")).longValue());
                assertEquals(List.of(right), q.get("key"), "the key of a closed attempt is in the ids it showed");
                assertEquals(List.of(1), q.get("choices"), "and so is the answer");
                assertEquals(right == 1, q.get("correct"));
                answeredOne += right == 1 ? 1 : 0;
            }
            int correct = ((Number) ((List<Map<String, Object>>) closed.get("scores")).get(0).get("correct")).intValue();
            assertEquals(answeredOne, correct, "id 1 everywhere is right only where the right option happened to be shown first");
        }
        // Uniform over the four ids: with the authored number as id every right option was 1 (p ≈ 0). A uniform shuffle
        // falls below 1e-6 once in a million runs.
        double p = ChiSquareTest.withDefaults().test(rightAt).getPValue();
        assertTrue(p > 1e-6, "right option at ids 1–4: " + java.util.Arrays.toString(rightAt) + ", p = " + p);
        assertTrue(ITEMS * ATTEMPTS / 4 * 2 > rightAt[0], "id 1 is not favoured: " + java.util.Arrays.toString(rightAt));
    }

    @Test
    void anOptionTheItemDoesNotHaveIsRefusedAndNothingIsStored() {
        FormClient page = new FormClient(server.getURL().toString(), "zh-TW").signIn("ids.learner", TestUsers.PASSWORD);
        Map<String, Object> open = api.post(learner, "/api/tests/" + test + "/attempts", Map.of());
        long attempt = LearningApi.id(open);
        Object item = questions(open).get(0).get("itemId");
        for (List<Integer> choices : List.of(List.of(99), List.of(0), List.of(5), List.of(-1))) {
            assertEquals(List.of("choices"), LearningApi.fields(api.refused(422, learner,
                    HttpRequest.PUT("/api/attempts/" + attempt + "/answers/" + item, Map.of("choices", choices)))), choices.toString());
        }
        assertEquals(List.of(), questions(api.get(learner, "/api/attempts/" + attempt)).get(0).get("choices"), "nothing stored");
        assertEquals(200, page.get("/attempts/" + attempt).statusCode(), "the open attempt's page");
        api.post(learner, "/api/attempts/" + attempt + "/submission", Map.of());
        assertEquals(200, page.get("/attempts/" + attempt).statusCode(), "the scored attempt's page");
    }
}
