package tw.training.writtentest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.LearningApi;
import tw.training.testing.ShiftedClock;
import tw.training.testing.TestUsers;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deadline is the server's (issue 18): an answer after it is refused and closes the attempt as it stood; an attempt
 * nobody comes back to is closed by the sweep, its evidence recorded; and a short answer leaves its indicator to an
 * assessor, whose judgement then counts. Time passes on a clock the test moves.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttemptDeadlineTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    ShiftedClock clock;

    @Inject
    AttemptService attempts;

    private LearningApi api;
    private TestUsers users;
    private String trainer;
    private long course;
    private long test;
    private long shortTest;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("test.clock.shiftable", "true");
        properties.put("app.written-tests.sweep-every", "1h");
        return properties;
    }

    @BeforeAll
    void aTenMinuteTest() {
        api = new LearningApi(http);
        users = TestUsers.of(context, http);
        trainer = users.tokenFor("deadline.trainer", Roles.TRAINER);
        course = api.draftCourse(trainer, "WT-DEADLINE");
        api.send(trainer, HttpRequest.POST("/api/courses/" + course + "/items", """
                kind,stem,options,answer,indicators
                TRUE_FALSE,客訴應當場記錄。,,true,KPS5294-001v4:P2.3.1
                SHORT_ANSWER,說明安撫顧客情緒的做法。,,先傾聽再回應,KPS5294-001v4:P2.3.2
                """).contentType("text/csv"));
        api.post(trainer, "/api/courses/" + course + "/publish", Map.of());
        test = LearningApi.id(api.post(trainer, "/api/courses/" + course + "/tests", Map.of("title", "十分鐘", "timeLimitMinutes", 10,
                "maxAttempts", 5, "indicators", List.of(Map.of("indicator", "KPS5294-001v4:P2.3.1", "items", 1, "passMark", 100)))));
        shortTest = LearningApi.id(api.post(trainer, "/api/courses/" + course + "/tests", Map.of("title", "簡答", "timeLimitMinutes", 10,
                "maxAttempts", 1, "indicators", List.of(Map.of("indicator", "KPS5294-001v4:P2.3.2", "items", 1, "passMark", 100)))));
    }

    private String learner(String username) {
        String token = users.tokenFor(username, Roles.LEARNER);
        api.post(trainer, "/api/courses/" + course + "/enrollments", Map.of("username", username));
        return token;
    }

    @SuppressWarnings("unchecked")
    private static long firstItem(Map<String, Object> attempt) {
        return ((Number) ((List<Map<String, Object>>) attempt.get("items")).get(0).get("itemId")).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAnswerAfterTheDeadlineIsRefusedAndTheAttemptClosesAsItStood() {
        String learner = learner("late.learner");
        Map<String, Object> attempt = api.post(learner, "/api/tests/" + test + "/attempts", Map.of());
        long id = LearningApi.id(attempt);
        long item = firstItem(attempt);
        api.put(learner, "/api/attempts/" + id + "/answers/" + item, Map.of("choices", List.of(1)));
        clock.pass(Duration.ofMinutes(10).plusSeconds(1));
        api.refused(409, learner, HttpRequest.PUT("/api/attempts/" + id + "/answers/" + item, Map.of("choices", List.of(2))));
        Map<String, Object> closed = api.get(learner, "/api/attempts/" + id);
        assertEquals("TIMED_OUT", closed.get("status"));
        Map<String, Object> question = ((List<Map<String, Object>>) closed.get("items")).get(0);
        assertEquals(List.of(1), question.get("choices"), "the answer given in time stands");
        assertEquals(true, question.get("correct"));
        assertNotNull(closed.get("evidenceId"));
        assertEquals("MET", ((List<Map<String, Object>>) closed.get("scores")).get(0).get("outcome"));
    }

    @Test
    void theSweepClosesAnAttemptNobodyCameBackTo() {
        String learner = learner("gone.learner");
        long id = LearningApi.id(api.post(learner, "/api/tests/" + test + "/attempts", Map.of()));
        assertEquals(0, attempts.closeExpired(), "nothing is due yet");
        clock.pass(Duration.ofMinutes(11));
        assertTrue(attempts.closeExpired() >= 1);
        Map<String, Object> closed = api.get(trainer, "/api/attempts/" + id);
        assertEquals("TIMED_OUT", closed.get("status"));
        Map<String, Object> evidence = api.get(trainer, "/api/evidence/" + ((Number) closed.get("evidenceId")).longValue());
        assertNull(evidence.get("description"), "the evidence holds no text of the system's: its record is the attempt");
        assertTrue(((String) evidence.get("title")).endsWith(" #1"), (String) evidence.get("title"));
        assertEquals(0, attempts.closeExpired(), "closed once");
    }

    /** The sweep closes what is due together (one transaction for several attempts): each scored as it stood, each once. */
    @Test
    @SuppressWarnings("unchecked")
    void theSweepClosesSeveralAttemptsTogetherEachAsItStood() {
        List<Long> ids = new java.util.ArrayList<>();
        List<Object> answered = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String learner = learner("swept.learner" + i);
            Map<String, Object> attempt = api.post(learner, "/api/tests/" + test + "/attempts", Map.of());
            ids.add(LearningApi.id(attempt));
            // learners 0, 2 and 4 choose option 1, the others option 2: each attempt's own answer is scored
            List<Integer> choice = List.of(i % 2 == 0 ? 1 : 2);
            api.put(learner, "/api/attempts/" + ids.get(i) + "/answers/" + firstItem(attempt), Map.of("choices", choice));
            answered.add(choice);
        }
        clock.pass(Duration.ofMinutes(11));
        assertTrue(attempts.closeExpired() >= 5);
        java.util.Set<Long> evidence = new java.util.HashSet<>();
        boolean firstCorrect = false;
        for (int i = 0; i < 5; i++) {
            Map<String, Object> closed = api.get(trainer, "/api/attempts/" + ids.get(i));
            assertEquals("TIMED_OUT", closed.get("status"));
            Map<String, Object> question = ((List<Map<String, Object>>) closed.get("items")).get(0);
            assertEquals(answered.get(i), question.get("choices"), "attempt " + i);
            // one true/false item: option 1 or 2, so the even attempts are all right or all wrong, the odd ones the other
            boolean correct = (Boolean) question.get("correct");
            firstCorrect = i == 0 ? correct : firstCorrect;
            assertEquals(i % 2 == 0 ? firstCorrect : !firstCorrect, correct, "attempt " + i + " scored on its own answer");
            assertEquals(correct ? "MET" : "NOT_YET", ((List<Map<String, Object>>) closed.get("scores")).get(0).get("outcome"), "attempt " + i);
            long piece = ((Number) closed.get("evidenceId")).longValue();
            assertTrue(evidence.add(piece), "a piece of evidence of its own");
            // the judgement recorded when it closed, not only the score its page works out on reading
            List<Map<String, Object>> judged = (List<Map<String, Object>>) api.get(trainer, "/api/evidence/" + piece).get("judgements");
            assertEquals(List.of(correct ? "MET" : "NOT_YET"), judged.stream().map(j -> j.get("outcome")).toList(), "attempt " + i);
        }
        assertEquals(0, attempts.closeExpired(), "closed once");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aShortAnswerWaitsForAnAssessorWhoseJudgementCounts() {
        String learner = learner("short.learner");
        Map<String, Object> attempt = api.post(learner, "/api/tests/" + shortTest + "/attempts", Map.of());
        long id = LearningApi.id(attempt);
        api.put(learner, "/api/attempts/" + id + "/answers/" + firstItem(attempt), Map.of("text", "先聽顧客說完，再表達理解。"));
        Map<String, Object> closed = api.post(learner, "/api/attempts/" + id + "/submission", Map.of());
        Map<String, Object> score = ((List<Map<String, Object>>) closed.get("scores")).get(0);
        assertEquals(null, score.get("outcome"), "no machine outcome for a short answer");
        long evidence = ((Number) closed.get("evidenceId")).longValue();
        List<Map<String, Object>> queue = api.list(trainer, "/api/courses/" + course + "/evidence/awaiting");
        assertTrue(queue.stream().anyMatch(q -> ((Number) q.get("evidenceId")).longValue() == evidence
                && q.get("unjudgedIndicators").equals(List.of("KPS5294-001v4:P2.3.2"))), queue.toString());
        // the evidence (which the learner reads too) holds no text; the assessor reads the answer and the model answer on the attempt
        assertNull(api.get(trainer, "/api/evidence/" + evidence).get("description"));
        Map<String, Object> item = ((List<Map<String, Object>>) api.get(trainer, "/api/attempts/" + id).get("items")).get(0);
        assertEquals("先聽顧客說完，再表達理解。", item.get("text"));
        assertEquals("先傾聽再回應", item.get("modelAnswer"));
        api.post(trainer, "/api/evidence/" + evidence + "/judgements", Map.of("indicator", "KPS5294-001v4:P2.3.2", "outcome", "MET"));
        Map<String, Object> enrollment = api.list(learner, "/api/me/enrollments").get(0);
        List<Map<String, Object>> progress = (List<Map<String, Object>>) api.get(learner,
                "/api/enrollments/" + LearningApi.id(enrollment) + "/progress").get("indicators");
        assertEquals(true, progress.stream().filter(p -> p.get("id").equals("KPS5294-001v4:P2.3.2")).findFirst().orElseThrow().get("met"));
    }
}
