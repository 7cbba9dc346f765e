package tw.training.writtentest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
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
import tw.training.testing.FormClient;
import tw.training.testing.LearningApi;
import tw.training.testing.ShiftedClock;
import tw.training.testing.TestUsers;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 30, point 5: what a learner sees of a closed attempt, and when (right and wrong, the key), as the test's
 * review settings say, through the API, the attempt page and the evidence the attempt recorded; trainers see all. New
 * attempts draw items the learner has not seen as far as the bank allows, and the tests page warns when the bank is
 * too small for the attempts allowed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewSettingsTest implements DatabaseTest {

    /** Ten items for P2.3.1, each with its own right option. */
    private static final int BANK = 10;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Inject
    ShiftedClock clock;

    @Inject
    AttemptService attempts;

    private LearningApi api;
    private TestUsers users;
    private String trainer;
    private long course;
    private int learners;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("test.clock.shiftable", "true");
        return properties;
    }

    @BeforeAll
    void aBankOfTen() {
        api = new LearningApi(http);
        users = TestUsers.of(context, http);
        trainer = users.tokenFor("review.trainer", Roles.TRAINER);
        course = api.draftCourse(trainer, "REVIEW-1");
        String bank = "kind,stem,options,answer,indicators\n" + IntStream.rangeClosed(1, BANK)
                .mapToObj(i -> "SINGLE_CHOICE,第" + i + "題,正解" + i + "|錯一|錯二,1,KPS5294-001v4:P2.3.1").collect(Collectors.joining("\n"));
        api.send(trainer, HttpRequest.POST("/api/courses/" + course + "/items", bank).contentType("text/csv"));
        api.post(trainer, "/api/courses/" + course + "/publish", Map.of());
    }

    /** A test of {@code items} P2.3.1 items and {@code attempts} attempts, with these review settings (null: the defaults). */
    private long test(int items, int attempts, String showCorrect, String showKey, Instant closesAt) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("title", "測驗 " + System.nanoTime(), "timeLimitMinutes", 20, "maxAttempts", attempts,
                "indicators", List.of(Map.of("indicator", "KPS5294-001v4:P2.3.1", "items", items, "passMark", 50))));
        if (showCorrect != null) {
            body.put("showCorrect", showCorrect);
        }
        if (showKey != null) {
            body.put("showKey", showKey);
        }
        if (closesAt != null) {
            body.put("closesAt", closesAt.toString());
        }
        return LearningApi.id(api.post(trainer, "/api/courses/" + course + "/tests", body));
    }

    /** A new learner enrolled in the course; answers their token. */
    private String learner() {
        String username = "review.l" + (++learners);
        String token = users.tokenFor(username, Roles.LEARNER);
        api.post(trainer, "/api/courses/" + course + "/enrollments", Map.of("username", username));
        return token;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> attempt) {
        return (List<Map<String, Object>>) attempt.get("items");
    }

    /** An attempt started and submitted at once (first option chosen everywhere); answers it as closed. */
    private Map<String, Object> takeAndSubmit(String learner, long test) {
        Map<String, Object> open = api.post(learner, "/api/tests/" + test + "/attempts", Map.of());
        for (Map<String, Object> item : items(open)) {
            api.put(learner, "/api/attempts/" + open.get("id") + "/answers/" + item.get("itemId"), Map.of("choices", List.of(1)));
        }
        return api.post(learner, "/api/attempts/" + open.get("id") + "/submission", Map.of());
    }

    private static boolean showsCorrect(Map<String, Object> attempt) {
        return items(attempt).stream().allMatch(i -> i.containsKey("correct"));
    }

    private static boolean showsKey(Map<String, Object> attempt) {
        return items(attempt).stream().anyMatch(i -> i.containsKey("key"));
    }

    @Test
    void byDefaultRightAndWrongAfterEachAttemptAndTheKeyOnlyAfterTheLast() {
        long test = test(3, 2, null, null, null);
        String learner = learner();
        Map<String, Object> first = takeAndSubmit(learner, test);
        assertTrue(first.containsKey("scores"), "the score, always");
        assertTrue(showsCorrect(first), "right and wrong after each attempt");
        assertFalse(showsKey(first), "no key before the last attempt");
        assertFalse(showsKey(api.get(learner, "/api/attempts/" + first.get("id"))), "nor when read again");
        assertTrue(showsKey(api.get(trainer, "/api/attempts/" + first.get("id"))), "the trainer sees the key");
        Map<String, Object> evidence = api.get(learner, "/api/evidence/" + first.get("evidenceId"));
        assertNull(evidence.get("description"), "the evidence gives nothing away: its record is the attempt, which the settings govern");
        FormClient page = new FormClient(server.getURL().toString(), "zh-TW").signIn("review.l" + learners, TestUsers.PASSWORD);
        String firstPage = page.get("/attempts/" + first.get("id")).body();
        assertFalse(firstPage.contains("正確答案："), "the page shows no key either");
        assertTrue(firstPage.contains(">答對</span>") || firstPage.contains(">答錯</span>"), "but right and wrong");

        Map<String, Object> last = takeAndSubmit(learner, test);
        assertTrue(showsKey(last), "the key after the last attempt");
        assertTrue(showsKey(api.get(learner, "/api/attempts/" + first.get("id"))), "for the earlier attempt too");
        assertTrue(page.get("/attempts/" + first.get("id")).body().contains("正確答案："));
    }

    @Test
    void scoreOnlyShowsNeitherToTheLearnerEver() {
        long test = test(3, 1, "NEVER", "NEVER", null);
        String learner = learner();
        Map<String, Object> only = takeAndSubmit(learner, test);
        assertTrue(only.containsKey("scores"));
        assertFalse(items(only).stream().anyMatch(i -> i.containsKey("correct") || i.containsKey("key") || i.containsKey("modelAnswer")));
        Map<String, Object> seenByTrainer = api.get(trainer, "/api/attempts/" + only.get("id"));
        assertTrue(showsCorrect(seenByTrainer) && showsKey(seenByTrainer));
    }

    /**
     * Last: time passes a week, after which no token of this run is valid any more (they are issued by the system
     * clock, checked against the shifted one): the learner's view is read from the service, as the API would.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void afterTheTestClosesRevealsWhenItHasClosedAndNoAttemptStartsAfter() {
        long test = test(3, 3, "AFTER_EACH", "AFTER_CLOSE", Instant.now().plus(Duration.ofDays(7)));
        String learner = learner();
        Map<String, Object> attempt = takeAndSubmit(learner, test);
        assertFalse(showsKey(attempt), "the test is still open");
        long attemptId = ((Number) attempt.get("id")).longValue();
        tw.training.account.Actor actor = new tw.training.account.Actor(((Number) api.get(learner, "/api/me").get("id")).longValue(),
                "review.l" + learners, Set.of(Roles.LEARNER));
        assertTrue(attempts.get(attemptId, actor).items().stream().allMatch(q -> q.key() == null), "before the close, through the service too");
        clock.pass(Duration.ofDays(8));
        assertTrue(attempts.get(attemptId, actor).items().stream().allMatch(q -> q.key() != null), "the test has closed: the key");
        org.junit.jupiter.api.Assertions.assertThrows(tw.training.problem.ConflictException.class, () -> attempts.start(test, actor),
                "no attempt starts after the close");
    }

    @Test
    void settingsThatContradictThemselvesAreRefusedByField() {
        Map<String, Object> base = Map.of("title", "錯", "timeLimitMinutes", 20, "maxAttempts", 2,
                "indicators", List.of(Map.of("indicator", "KPS5294-001v4:P2.3.1", "items", 2, "passMark", 50)));
        Map<String, Object> keyFirst = new HashMap<>(base);
        keyFirst.put("showCorrect", "AFTER_LAST");
        keyFirst.put("showKey", "AFTER_EACH");
        assertEquals(List.of("showKey"), LearningApi.fields(api.refused(422, trainer, HttpRequest.POST("/api/courses/" + course + "/tests", keyFirst))));
        Map<String, Object> noClose = new HashMap<>(base);
        noClose.put("showKey", "after_close");
        assertEquals(List.of("closesAt"), LearningApi.fields(api.refused(422, trainer, HttpRequest.POST("/api/courses/" + course + "/tests", noClose))));
        Map<String, Object> unknown = new HashMap<>(base);
        unknown.put("showCorrect", "SOMETIMES");
        assertEquals(List.of("showCorrect"), LearningApi.fields(api.refused(422, trainer, HttpRequest.POST("/api/courses/" + course + "/tests", unknown))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void newAttemptsDrawUnseenItemsAsFarAsTheBankAllowsAndThePageWarnsWhenItIsTooSmall() {
        long test = test(4, 3, null, null, null);
        String learner = learner();
        Set<Object> first = items(takeAndSubmit(learner, test)).stream().map(i -> i.get("itemId")).collect(Collectors.toSet());
        Set<Object> second = items(takeAndSubmit(learner, test)).stream().map(i -> i.get("itemId")).collect(Collectors.toSet());
        assertTrue(java.util.Collections.disjoint(first, second), "eight of ten unseen: no repeat in the second attempt");
        Set<Object> third = items(takeAndSubmit(learner, test)).stream().map(i -> i.get("itemId")).collect(Collectors.toSet());
        Set<Object> seen = new HashSet<>(first);
        seen.addAll(second);
        assertEquals(2, third.stream().filter(id -> !seen.contains(id)).count(), "the two never seen, then two seen ones");

        Map<String, Object> tested = ((List<Map<String, Object>>) api.get(trainer, "/api/tests/" + test).get("indicators")).get(0);
        assertEquals(true, tested.get("repeats"), "ten items cannot fill three attempts of four");
        Map<String, Object> roomy = ((List<Map<String, Object>>) api.get(trainer, "/api/tests/" + test(2, 5, null, null, null)).get("indicators")).get(0);
        assertEquals(false, roomy.get("repeats"));
        FormClient page = new FormClient(server.getURL().toString(), "zh-TW").signIn("review.trainer", TestUsers.PASSWORD);
        String tests = page.get("/courses/" + course + "/tests").body();
        assertTrue(tests.contains("題庫中 P2.3.1 只有 10 題，每次作答抽 4 題、可作答 3 次"), "the warning on the tests page");
        assertNull(((List<Map<String, Object>>) api.get(learner, "/api/tests/" + test).get("indicators")).get(0).get("repeats"), "trainers' only");
    }
}
