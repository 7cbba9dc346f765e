package tw.training.writtentest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
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
import tw.training.testing.Parallel;
import tw.training.testing.TestUsers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Online written tests (issue 18, acceptance 1), on a course of KPS5294-001v4 T2.3 whose P2.3.1 and P2.3.2 need a written
 * test only and P2.3.3 a written test and observation: the draw, the key kept from the learner, saving and resuming,
 * scoring and pass marks, closing once, the attempts limit, and progress moving through the ledger.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WrittenTestApiTest implements DatabaseTest {

    /** Four single choices on P2.3.1, two multiple choices on P2.3.2, two true/false on P2.3.3. */
    static final String BANK = """
            kind,stem,options,answer,indicators
            SINGLE_CHOICE,顧客抱怨時，第一步應該？,傾聽|辯解|轉移話題,1,KPS5294-001v4:P2.3.1
            SINGLE_CHOICE,抱怨電話應在何時回覆？,一週內|當天|不必回覆,2,KPS5294-001v4:P2.3.1
            SINGLE_CHOICE,紀錄客訴應包含？,處理經過|顧客長相|天氣,1,KPS5294-001v4:P2.3.1
            SINGLE_CHOICE,無法當場解決時應？,告知後續時程|請顧客離開|不予理會,1,KPS5294-001v4:P2.3.1
            MULTIPLE_CHOICE,同理的回應有？,複述感受|致歉|反駁|沉默,1|2,KPS5294-001v4:P2.3.2
            MULTIPLE_CHOICE,可提出的補償有？,退款|換貨|辱罵,1|2,KPS5294-001v4:P2.3.2
            TRUE_FALSE,客訴應當場記錄。,,true,KPS5294-001v4:P2.3.3
            TRUE_FALSE,客訴可以置之不理。,,false,KPS5294-001v4:P2.3.3
            """;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private LearningApi api;
    private TestUsers users;
    private String trainer;
    private long course;
    /** Per item of the bank: the texts of its correct options (an attempt names options by its own ids) and the indicator it tests. */
    private final Map<Long, Set<String>> keys = new HashMap<>();
    private final Map<Long, String> indicatorOf = new HashMap<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    void aPublishedCourseWithABank() {
        api = new LearningApi(http);
        users = TestUsers.of(context, http);
        trainer = users.tokenFor("test.trainer", Roles.TRAINER);
        course = api.draftCourse(trainer, "WT-1");
        api.send(trainer, HttpRequest.POST("/api/courses/" + course + "/items", BANK).contentType("text/csv"));
        api.post(trainer, "/api/courses/" + course + "/publish", Map.of());
        for (Map<String, Object> item : api.list(trainer, "/api/courses/" + course + "/items")) {
            long id = LearningApi.id(item);
            keys.put(id, ((List<Map<String, Object>>) item.get("options")).stream().filter(o -> Boolean.TRUE.equals(o.get("correct")))
                    .map(o -> (String) o.get("text")).collect(Collectors.toSet()));
            indicatorOf.put(id, ((List<String>) item.get("indicators")).get(0));
        }
    }

    /** A test of the course; answers its id. */
    private long test(String title, int attempts, List<Map<String, Object>> indicators) {
        return LearningApi.id(api.post(trainer, "/api/courses/" + course + "/tests", Map.of("title", title, "timeLimitMinutes", 20,
                "maxAttempts", attempts, "indicators", indicators)));
    }

    private static Map<String, Object> tested(String code, int items, int passMark) {
        return Map.of("indicator", "KPS5294-001v4:" + code, "items", items, "passMark", passMark);
    }

    /** A new learner enrolled in the course; answers their token and enrollment. */
    private Learner learner(String username) {
        String token = users.tokenFor(username, Roles.LEARNER);
        long enrollment = LearningApi.id(api.post(trainer, "/api/courses/" + course + "/enrollments", Map.of("username", username)));
        return new Learner(token, enrollment);
    }

    private record Learner(String token, long enrollment) {
    }

    private Map<String, Object> start(Learner learner, long test) {
        return api.post(learner.token(), "/api/tests/" + test + "/attempts", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> questions(Map<String, Object> attempt) {
        return (List<Map<String, Object>>) attempt.get("items");
    }

    /** The ids an attempt shows for the options of one of its questions that {@code pick} takes, ascending. */
    @SuppressWarnings("unchecked")
    private static List<Integer> shown(Map<String, Object> question, Predicate<String> pick) {
        return ((List<Map<String, Object>>) question.get("options")).stream().filter(o -> pick.test((String) o.get("text")))
                .map(o -> ((Number) o.get("id")).intValue()).sorted().toList();
    }

    private List<Integer> right(Map<String, Object> question) {
        return shown(question, keys.get(((Number) question.get("itemId")).longValue())::contains);
    }

    private List<Integer> wrong(Map<String, Object> question) {
        return shown(question, text -> !keys.get(((Number) question.get("itemId")).longValue()).contains(text)).subList(0, 1);
    }

    private void answer(Learner learner, long attempt, long item, List<Integer> choices) {
        api.put(learner.token(), "/api/attempts/" + attempt + "/answers/" + item, Map.of("choices", choices));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> progress(Learner learner) {
        return ((List<Map<String, Object>>) api.get(learner.token(), "/api/enrollments/" + learner.enrollment() + "/progress").get("indicators"))
                .stream().collect(Collectors.toMap(i -> (String) i.get("id"), i -> i));
    }

    @Test
    void anAttemptDrawsNItemsPerIndicatorAtRandomAndKeepsItsDraw() {
        long test = test("抽題", 3, List.of(tested("P2.3.1", 2, 50), tested("P2.3.2", 1, 100)));
        Learner learner = learner("draw.learner");
        Map<String, Object> attempt = start(learner, test);
        List<Map<String, Object>> items = questions(attempt);
        assertEquals(3, items.size());
        Map<Object, Long> perIndicator = items.stream().collect(Collectors.groupingBy(i -> i.get("indicator"), Collectors.counting()));
        assertEquals(Map.of("KPS5294-001v4:P2.3.1", 2L, "KPS5294-001v4:P2.3.2", 1L), perIndicator);
        for (Map<String, Object> item : items) {
            assertEquals(indicatorOf.get(((Number) item.get("itemId")).longValue()), item.get("indicator"), "drawn from the bank's items for it");
        }
        assertEquals(3, items.stream().map(i -> i.get("itemId")).distinct().count());
        Map<String, Object> again = api.get(learner.token(), "/api/attempts/" + LearningApi.id(attempt));
        assertEquals(items.stream().map(i -> List.of(i.get("itemId"), i.get("options"))).toList(),
                questions(again).stream().map(i -> List.of(i.get("itemId"), i.get("options"))).toList(), "the draw and its order are kept");
    }

    @Test
    void theKeyIsAbsentFromEverythingTheLearnerGetsBeforeClosing() {
        long test = test("鑰匙", 1, List.of(tested("P2.3.1", 2, 50), tested("P2.3.3", 2, 100)));
        Learner learner = learner("key.learner");
        String started = http.toBlocking().retrieve(HttpRequest.POST("/api/tests/" + test + "/attempts", Map.of()).bearerAuth(learner.token()));
        long attempt = LearningApi.id(api.get(learner.token(), "/api/tests/" + test).get("attempts") instanceof List<?> list
                ? (Map<String, Object>) list.get(0) : Map.of());
        List<String> bodies = List.of(started,
                raw(learner, "/api/attempts/" + attempt),
                raw(learner, "/api/tests/" + test),
                raw(learner, "/api/courses/" + course + "/tests"));
        for (String body : bodies) {
            for (String keyField : List.of("\"correct\"", "\"key\"", "\"modelAnswer\"", "\"scores\"", "\"inBank\"")) {
                assertFalse(body.contains(keyField), keyField + " in " + body);
            }
        }
        assertTrue(bodies.get(1).contains("傾聽") || bodies.get(1).contains("一週內") || bodies.get(1).contains("處理經過")
                || bodies.get(1).contains("告知後續時程"), "the options are shown");
        api.refused(403, learner.token(), HttpRequest.GET("/api/courses/" + course + "/items"));
        long anItem = keys.keySet().iterator().next();
        api.refused(403, learner.token(), HttpRequest.GET("/api/items/" + anItem));
        api.refused(403, learner.token(), HttpRequest.GET("/api/tests/" + test + "/results"));

        String closed = http.toBlocking().retrieve(HttpRequest.POST("/api/attempts/" + attempt + "/submission", Map.of()).bearerAuth(learner.token()));
        assertTrue(closed.contains("\"key\"") && closed.contains("\"scores\""), "once closed, the key and the scores are shown: " + closed);
    }

    private String raw(Learner learner, String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(learner.token()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void scoringCountsAPartialMultipleChoiceWrongAndAppliesEachIndicatorsPassMark() {
        long test = test("評分", 1, List.of(tested("P2.3.1", 2, 50), tested("P2.3.2", 1, 100), tested("P2.3.3", 2, 100)));
        Learner learner = learner("score.learner");
        Map<String, Object> attempt = start(learner, test);
        long id = LearningApi.id(attempt);
        boolean firstSingle = true;
        for (Map<String, Object> item : questions(attempt)) {
            long itemId = ((Number) item.get("itemId")).longValue();
            List<Integer> key = right(item);
            switch ((String) item.get("kind")) {
                case "SINGLE_CHOICE" -> {
                    // one of P2.3.1's two right, one wrong: 50 %, its pass mark
                    answer(learner, id, itemId, firstSingle ? key : wrong(item));
                    firstSingle = false;
                }
                case "MULTIPLE_CHOICE" -> answer(learner, id, itemId, List.of(key.get(0))); // partial: wrong
                default -> answer(learner, id, itemId, key); // true/false, both right
            }
        }
        Map<String, Object> closed = api.post(learner.token(), "/api/attempts/" + id + "/submission", Map.of());
        assertEquals("SUBMITTED", closed.get("status"));
        Map<String, String> outcomes = ((List<Map<String, Object>>) closed.get("scores")).stream().collect(Collectors.toMap(
                s -> (String) s.get("indicator"), s -> s.get("correct") + "/" + s.get("items") + " " + s.get("outcome")));
        assertEquals(Map.of("KPS5294-001v4:P2.3.1", "1/2 MET", "KPS5294-001v4:P2.3.2", "0/1 NOT_YET", "KPS5294-001v4:P2.3.3", "2/2 MET"), outcomes);

        Map<String, Object> evidence = api.get(trainer, "/api/evidence/" + ((Number) closed.get("evidenceId")).longValue());
        assertEquals("WRITTEN_TEST", evidence.get("method"));
        assertEquals(Set.of("KPS5294-001v4:P2.3.1", "KPS5294-001v4:P2.3.2", "KPS5294-001v4:P2.3.3"), new HashSet<>((List<String>) evidence.get("indicators")));
        List<Map<String, Object>> judgements = (List<Map<String, Object>>) evidence.get("judgements");
        assertEquals(3, judgements.size());
        assertTrue(judgements.stream().allMatch(j -> "(system)".equals(j.get("assessor"))), judgements.toString());
        // issue 34: the machine's evidence is a leaf of the log, before its judgements'
        long evidenceId = ((Number) closed.get("evidenceId")).longValue();
        tw.training.testing.RowCounts rows = new tw.training.testing.RowCounts(context.getBean(javax.sql.DataSource.class), List.of());
        context.getBean(tw.training.transparency.TransparencyLog.class).integrateAll();
        String evidenceLeaf = rows.single("SELECT leaf_index FROM transparency_leaf WHERE kind = 'EVIDENCE' AND record_id = " + evidenceId);
        assertEquals("3", rows.single("SELECT COUNT(*) FROM transparency_leaf l JOIN judgement j ON j.judgement_id = l.record_id"
                + " WHERE l.kind = 'JUDGEMENT' AND j.evidence_id = " + evidenceId + " AND l.leaf_index > " + evidenceLeaf));
        Map<Object, Object> comments = judgements.stream().collect(Collectors.toMap(j -> j.get("indicator"), j -> j.get("comment")));
        assertTrue(((String) comments.get("KPS5294-001v4:P2.3.1")).startsWith("1/2 ≥ ") && ((String) comments.get("KPS5294-001v4:P2.3.2")).startsWith("0/1 < "),
                "the machine's comment in no language: " + comments);

        Map<String, Map<String, Object>> progress = progress(learner);
        assertEquals(true, progress.get("KPS5294-001v4:P2.3.1").get("met"), "WRITTEN_TEST alone is needed: met");
        assertEquals(false, progress.get("KPS5294-001v4:P2.3.2").get("met"));
        Map<String, Object> both = progress.get("KPS5294-001v4:P2.3.3");
        assertEquals(false, both.get("met"), "WRITTEN_TEST and OBSERVATION are needed");
        assertEquals(List.of("WRITTEN_TEST"), both.get("satisfiedMethods"));
        assertEquals(List.of("OBSERVATION"), both.get("missing"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void savedAnswersResumeAfterAReload() {
        long test = test("續答", 1, List.of(tested("P2.3.1", 2, 50)));
        Learner learner = learner("resume.learner");
        Map<String, Object> attempt = start(learner, test);
        Map<String, Object> first = questions(attempt).get(0);
        long itemId = ((Number) first.get("itemId")).longValue();
        answer(learner, LearningApi.id(attempt), itemId, List.of(2));
        Map<String, Object> reloaded = api.get(learner.token(), "/api/attempts/" + LearningApi.id(attempt));
        assertEquals("OPEN", reloaded.get("status"));
        Map<String, Object> same = questions(reloaded).get(0);
        assertEquals(List.of(2), same.get("choices"));
        assertNotNull(same.get("answeredAt"));
        assertEquals(List.of(), questions(reloaded).get(1).get("choices"));
        assertTrue(((Number) reloaded.get("secondsLeft")).longValue() > 0);
        answer(learner, LearningApi.id(attempt), itemId, List.of(1));
        assertEquals(List.of(1), questions(api.get(learner.token(), "/api/attempts/" + LearningApi.id(attempt))).get(0).get("choices"), "changed");
    }

    @Test
    void anAttemptClosesOnceHoweverOftenItIsSubmitted() throws Exception {
        long test = test("交卷", 2, List.of(tested("P2.3.1", 1, 100)));
        Learner learner = learner("twice.learner");
        long attempt = LearningApi.id(start(learner, test));
        List<Object> evidence = Parallel.run(4, i -> api.post(learner.token(), "/api/attempts/" + attempt + "/submission", Map.of()).get("evidenceId"));
        assertEquals(1, new HashSet<>(evidence).size(), "every submission answers the one evidence: " + evidence);
        api.post(learner.token(), "/api/attempts/" + attempt + "/submission", Map.of());
        assertEquals(1, api.list(learner.token(), "/api/enrollments/" + learner.enrollment() + "/evidence").size(), "recorded once");
        assertEquals(409, api.refused(409, learner.token(), HttpRequest.PUT("/api/attempts/" + attempt + "/answers/" + keys.keySet().iterator().next(),
                Map.of("choices", List.of(1)))).code(), "a closed attempt takes no answer");
    }

    /**
     * Learners submitting at the same moment are closed together (issue 36's group commit): each scored on their own
     * answers, each with a piece of evidence of their own and their own progress, a double submission recorded once.
     */
    @Test
    @SuppressWarnings("unchecked")
    void learnersSubmittingAtOnceAreEachScoredOnTheirOwnAnswers() throws Exception {
        long test = test("同時交卷", 1, List.of(tested("P2.3.1", 2, 100), tested("P2.3.2", 1, 100)));
        List<Learner> learners = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Learner learner = learner("burst.learner" + i);
            Map<String, Object> attempt = start(learner, test);
            for (Map<String, Object> item : questions(attempt)) {
                // even learners answer every item right, odd ones every item wrong
                answer(learner, LearningApi.id(attempt), ((Number) item.get("itemId")).longValue(), i % 2 == 0 ? right(item) : wrong(item));
            }
            learners.add(learner);
            ids.add(LearningApi.id(attempt));
        }
        // the first learner submits twice in the burst
        List<Map<String, Object>> closed = Parallel.run(11, i -> api.post(learners.get(i % 10).token(), "/api/attempts/" + ids.get(i % 10)
                + "/submission", Map.of()));
        assertEquals(closed.get(0).get("evidenceId"), closed.get(10).get("evidenceId"), "submitted twice, recorded once");
        Set<Object> evidence = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> answer = closed.get(i);
            assertEquals("SUBMITTED", answer.get("status"));
            assertTrue(evidence.add(answer.get("evidenceId")), "a piece of evidence of their own");
            String outcome = i % 2 == 0 ? "MET" : "NOT_YET";
            assertEquals(List.of(outcome, outcome), ((List<Map<String, Object>>) answer.get("scores")).stream().map(s -> s.get("outcome")).toList(),
                    "learner " + i);
            assertEquals(i % 2 == 0, progress(learners.get(i)).get("KPS5294-001v4:P2.3.2").get("met"), "learner " + i);
            assertEquals(1, api.list(learners.get(i).token(), "/api/enrollments/" + learners.get(i).enrollment() + "/evidence").size());
        }
    }

    @Test
    void theAttemptsLimitAndTheOpenAttemptAreKept() {
        long test = test("次數", 2, List.of(tested("P2.3.1", 1, 100)));
        Learner learner = learner("limit.learner");
        long first = LearningApi.id(start(learner, test));
        api.refused(409, learner.token(), HttpRequest.POST("/api/tests/" + test + "/attempts", Map.of()));
        api.post(learner.token(), "/api/attempts/" + first + "/submission", Map.of());
        long second = LearningApi.id(start(learner, test));
        api.post(learner.token(), "/api/attempts/" + second + "/submission", Map.of());
        api.refused(409, learner.token(), HttpRequest.POST("/api/tests/" + test + "/attempts", Map.of()));
        assertEquals(0, ((Number) api.get(learner.token(), "/api/tests/" + test).get("attemptsLeft")).intValue());
        api.refused(409, trainer, HttpRequest.PUT("/api/tests/" + test, Map.of("title", "改", "timeLimitMinutes", 5, "maxAttempts", 3,
                "indicators", List.of(tested("P2.3.1", 1, 100)))));
    }

    @Test
    void strangersAndTrainersCannotTakeOrReadAnotherLearnersAttempt() {
        long test = test("權限", 1, List.of(tested("P2.3.1", 1, 100)));
        Learner learner = learner("own.learner");
        long attempt = LearningApi.id(start(learner, test));
        String stranger = users.tokenFor("stranger.learner", Roles.LEARNER);
        String otherTrainer = users.tokenFor("other.test.trainer", Roles.TRAINER);
        api.refused(404, stranger, HttpRequest.GET("/api/attempts/" + attempt));
        api.refused(404, stranger, HttpRequest.POST("/api/attempts/" + attempt + "/submission", Map.of()));
        api.refused(404, stranger, HttpRequest.POST("/api/tests/" + test + "/attempts", Map.of()));
        api.refused(404, stranger, HttpRequest.GET("/api/tests/" + test));
        api.refused(404, stranger, HttpRequest.GET("/api/courses/" + course + "/tests"));
        api.refused(404, otherTrainer, HttpRequest.GET("/api/attempts/" + attempt));
        api.refused(404, otherTrainer, HttpRequest.GET("/api/courses/" + course + "/items"));
        api.refused(404, otherTrainer, HttpRequest.GET("/api/tests/" + test + "/results"));
        api.refused(403, trainer, HttpRequest.PUT("/api/attempts/" + attempt + "/answers/" + keys.keySet().iterator().next(),
                Map.of("choices", List.of(1))));
        api.refused(403, trainer, HttpRequest.POST("/api/attempts/" + attempt + "/submission", Map.of()));
        api.get(trainer, "/api/attempts/" + attempt);
        assertEquals(List.of("indicators[0].indicator"), LearningApi.fields(api.refused(422, trainer, HttpRequest.POST(
                "/api/courses/" + course + "/tests", Map.of("title", "只看作品", "timeLimitMinutes", 10, "maxAttempts", 1,
                        "indicators", List.of(tested("P2.3.4", 1, 50)))))));
        assertEquals(List.of("indicators[0].items"), LearningApi.fields(api.refused(422, trainer, HttpRequest.POST(
                "/api/courses/" + course + "/tests", Map.of("title", "太多題", "timeLimitMinutes", 10, "maxAttempts", 1,
                        "indicators", List.of(tested("P2.3.2", 3, 50)))))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void resultsPerItemShowTheShareAnsweredCorrectly() {
        long test = test("試題分析", 1, List.of(tested("P2.3.3", 2, 100)));
        for (String name : List.of("stats.one", "stats.two")) {
            Learner learner = learner(name);
            Map<String, Object> attempt = start(learner, test);
            for (Map<String, Object> item : questions(attempt)) {
                long itemId = ((Number) item.get("itemId")).longValue();
                boolean right = name.equals("stats.one") || keys.get(itemId).equals(Set.of("true"));
                answer(learner, LearningApi.id(attempt), itemId, right ? right(item) : wrong(item));
            }
            api.post(learner.token(), "/api/attempts/" + LearningApi.id(attempt) + "/submission", Map.of());
        }
        Map<String, Double> shares = ((List<Map<String, Object>>) api.get(trainer, "/api/tests/" + test + "/results").get("items")).stream()
                .collect(Collectors.toMap(i -> (String) i.get("stem"), i -> ((Number) i.get("shareCorrect")).doubleValue()));
        assertEquals(Map.of("客訴應當場記錄。", 1.0, "客訴可以置之不理。", 0.5), shares);
    }
}
