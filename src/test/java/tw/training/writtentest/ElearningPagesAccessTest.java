package tw.training.writtentest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.FormClient;
import tw.training.testing.FormClient.Part;
import tw.training.testing.LearningApi;
import tw.training.testing.TestUsers;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The e-learning pages refuse as the rest (issue 18): a learner gets 403 on every trainer's page and form, another
 * trainer 404 on every page of a course not theirs, a learner not enrolled 404 on a course's materials, tests and another's
 * attempt. And the key is nowhere in the page of an open attempt.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElearningPagesAccessTest implements DatabaseTest {

    private static final String MODEL_ANSWER = "先同理顧客再說明處理方式";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private String course;
    private String module;
    private long lesson;
    private long link;
    private long test;
    private long attempt;
    private long item;
    private FormClient learner;
    private FormClient outsider;
    private FormClient stranger;
    private long enrollment;
    private long closed;
    private String learnerToken;
    private LearningApi api;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void aCourseWithMaterialsAndATest() {
        TestUsers users = TestUsers.of(context, http);
        api = new LearningApi(http);
        String trainer = users.tokenFor("epages.owner", Roles.TRAINER);
        learnerToken = users.tokenFor("epages.learner", Roles.LEARNER);
        users.create("epages.outsider", Roles.LEARNER);
        users.create("epages.stranger", Roles.TRAINER);
        long id = api.draftCourse(trainer, "EPAGES-1");
        long moduleId = api.firstModule(trainer, id);
        String materials = "/api/courses/" + id + "/modules/" + moduleId + "/materials";
        lesson = LearningApi.id(api.post(trainer, materials, Map.of("kind", "LESSON", "title", "課文", "markdown", "內容")));
        link = LearningApi.id(api.post(trainer, materials, Map.of("kind", "LINK", "title", "連結", "url", "https://www.mol.gov.tw/")));
        api.send(trainer, HttpRequest.POST("/api/courses/" + id + "/items", "kind,stem,options,answer,indicators\n"
                + "SHORT_ANSWER,如何安撫顧客？,," + MODEL_ANSWER + ",KPS5294-001v4:P2.3.1\n").contentType("text/csv"));
        api.post(trainer, "/api/courses/" + id + "/publish", Map.of());
        test = LearningApi.id(api.post(trainer, "/api/courses/" + id + "/tests", Map.of("title", "簡答", "timeLimitMinutes", 30,
                "maxAttempts", 2, "indicators", List.of(Map.of("indicator", "KPS5294-001v4:P2.3.1", "items", 1, "passMark", 100)))));
        enrollment = LearningApi.id(api.post(trainer, "/api/courses/" + id + "/enrollments", Map.of("username", "epages.learner")));
        closed = LearningApi.id(api.post(learnerToken, "/api/tests/" + test + "/attempts", Map.of()));
        api.post(learnerToken, "/api/attempts/" + closed + "/submission", Map.of());
        Map<String, Object> started = api.post(learnerToken, "/api/tests/" + test + "/attempts", Map.of());
        attempt = LearningApi.id(started);
        item = ((Number) ((List<Map<String, Object>>) started.get("items")).get(0).get("itemId")).longValue();
        course = "/courses/" + id;
        module = course + "/modules/" + moduleId + "/materials";
        String base = server.getURL().toString();
        learner = new FormClient(base, "zh-TW").signIn("epages.learner", TestUsers.PASSWORD);
        outsider = new FormClient(base, "zh-TW").signIn("epages.outsider", TestUsers.PASSWORD);
        stranger = new FormClient(base, "zh-TW").signIn("epages.stranger", TestUsers.PASSWORD);
    }

    private List<String> trainerPages() {
        return List.of(module, course + "/activity", course + "/tests", "/tests/" + test + "/results");
    }

    private List<String> trainerForms() {
        return List.of(module, "/materials/" + lesson + "/change", course + "/tests", course + "/items", "/items/" + item + "/removal");
    }

    private List<String> trainerUploads() {
        return List.of(module + "/file", course + "/items/import");
    }

    @Test
    void aLearnerIsForbiddenEveryTrainersPage() {
        List<String> wrong = new ArrayList<>();
        trainerPages().forEach(path -> expect(wrong, 403, "GET " + path, learner.get(path)));
        trainerForms().forEach(path -> expect(wrong, 403, "POST " + path, post(learner, path)));
        trainerUploads().forEach(path -> expect(wrong, 403, "POST " + path, upload(learner, path)));
        assertEquals(List.of(), wrong);
    }

    @Test
    void anotherTrainerFindsNothingOfACourseNotTheirs() {
        List<String> wrong = new ArrayList<>();
        trainerPages().forEach(path -> expect(wrong, 404, "GET " + path, stranger.get(path)));
        trainerForms().forEach(path -> expect(wrong, 404, "POST " + path, post(stranger, path)));
        trainerUploads().forEach(path -> expect(wrong, 404, "POST " + path, upload(stranger, path)));
        List.of("/materials/" + lesson, "/materials/" + link, "/tests/" + test, "/attempts/" + attempt)
                .forEach(path -> expect(wrong, 404, "GET " + path, stranger.get(path)));
        assertEquals(List.of(), wrong);
    }

    @Test
    void aLearnerNotEnrolledFindsNothingAndCannotActOnAnothersAttempt() {
        List<String> wrong = new ArrayList<>();
        List.of("/materials/" + lesson, "/materials/" + link, "/tests/" + test, "/attempts/" + attempt)
                .forEach(path -> expect(wrong, 404, "GET " + path, outsider.get(path)));
        List.of("/tests/" + test + "/attempts", "/attempts/" + attempt).forEach(path -> expect(wrong, 404, "POST " + path, post(outsider, path)));
        assertEquals(List.of(), wrong);
        HttpResponse<String> answer = outsider.post("/attempts/" + attempt + "/answers/" + item,
                List.of(Map.entry("item-" + item, "偷答")), Map.of("X-CSRF-Token", outsider.token()));
        assertEquals(404, answer.statusCode());
    }

    /** When the learner studied a material, as their activity says; null if not yet. */
    @SuppressWarnings("unchecked")
    private Object doneAt(long material) {
        return ((List<Map<String, Object>>) api.get(learnerToken, "/api/enrollments/" + enrollment + "/activity").get("modules")).stream()
                .flatMap(m -> ((List<Map<String, Object>>) m.get("items")).stream())
                .filter(i -> ((Number) i.get("materialId")).longValue() == material).findFirst().orElseThrow().get("doneAt");
    }

    @Test
    void aLinkIsMarkedFollowedByThePagesPostOnlyNeverByAGet() {
        assertEquals(404, learner.get("/materials/" + link + "/open").statusCode(), "no GET marks a material studied");
        String page = learner.get("/materials/" + link).body();
        assertTrue(page.contains("href=\"https://www.mol.gov.tw/\"") && page.contains("data-done=\"/materials/" + link + "/done\""), page);
        assertNull(doneAt(link), "opening the link's page marks nothing");
        assertEquals(403, learner.post("/materials/" + link + "/done", List.of(), Map.of()).statusCode(), "a post from elsewhere has no token");
        assertNull(doneAt(link));
        assertEquals(204, learner.post("/materials/" + link + "/done", List.of(), Map.of("X-CSRF-Token", learner.token())).statusCode());
        assertNotNull(doneAt(link), "the page's script, on a click, marks it");
    }

    @Test
    void theScriptsRoutesAnswer204WhateverTheClientAccepts() {
        for (String accept : List.of("text/html", "*/*", "application/json", "text/plain")) {
            Map<String, String> headers = Map.of("X-CSRF-Token", learner.token(), "Accept", accept);
            assertEquals(204, learner.post("/materials/" + lesson + "/done", List.of(), headers).statusCode(), accept);
            assertEquals(204, learner.post("/attempts/" + attempt + "/answers/" + item, List.of(Map.entry("item-" + item, "先傾聽 " + accept)),
                    headers).statusCode(), accept);
        }
        assertTrue(learner.get("/attempts/" + attempt).body().contains("先傾聽 text/plain"), "the last answer is saved");
    }

    @Test
    void theKeyIsNotInThePageOfAnOpenAttempt() {
        HttpResponse<String> page = learner.get("/attempts/" + attempt);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("如何安撫顧客？"), "the item is shown");
        assertFalse(page.body().contains(MODEL_ANSWER), "the model answer is not");
        assertFalse(page.body().contains("正確答案"), "nor any key");
        assertEquals(200, learner.get("/tests/" + test).statusCode());
        assertFalse(learner.get("/tests/" + test).body().contains(MODEL_ANSWER));
    }

    @Test
    void aTrainerAddsAndRetiresItemsAndEditsALessonThroughThePages() {
        FormClient owner = new FormClient(server.getURL().toString(), "zh-TW").signIn("epages.owner", TestUsers.PASSWORD);
        assertEquals(422, owner.post("/materials/" + lesson + "/change", List.of(Map.entry("_csrf", owner.token()), Map.entry("course", "abc"),
                Map.entry("action", "remove"))).statusCode(), "a form field that must be a number and is not");
        assertEquals(422, owner.post("/items/" + item + "/removal", List.of(Map.entry("_csrf", owner.token()))).statusCode());
        HttpResponse<String> added = owner.post(course + "/items", List.of(Map.entry("_csrf", owner.token()), Map.entry("kind", "MULTIPLE_CHOICE"),
                Map.entry("stem", "哪些是同理的回應？"), Map.entry("options", "*複述感受\n反駁\n*致歉"), Map.entry("answer", ""),
                Map.entry("modelAnswer", ""), Map.entry("indicators", "KPS5294-001v4:P2.3.1")));
        assertEquals(303, added.statusCode());
        String bank = owner.get(course + "/tests").body();
        assertTrue(bank.contains("哪些是同理的回應？") && bank.contains("複述感受、致歉"), "the item and its key are listed");
        HttpResponse<String> refused = owner.post(course + "/items", List.of(Map.entry("_csrf", owner.token()), Map.entry("kind", "SINGLE_CHOICE"),
                Map.entry("stem", "沒有指標"), Map.entry("options", "*甲\n乙")));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("item-indicators-error"), "the fault is beside its field");
        assertTrue(refused.body().contains("value=\"SINGLE_CHOICE\" selected") && refused.body().contains(">沒有指標</textarea>")
                && refused.body().contains(">*甲\n乙</textarea>"), "and the item as it was written (issue 30, point 4)");

        assertEquals(303, owner.post("/items/" + item + "/removal", List.of(Map.entry("_csrf", owner.token()),
                Map.entry("course", course.substring("/courses/".length())))).statusCode());
        assertFalse(owner.get(course + "/tests").body().contains("如何安撫顧客？"), "the drawn item is retired from the bank");
        assertTrue(learner.get("/attempts/" + attempt).body().contains("如何安撫顧客？"), "and still shown in the attempt that drew it");

        HttpResponse<String> edited = owner.post("/materials/" + lesson + "/change", List.of(Map.entry("_csrf", owner.token()),
                Map.entry("course", course.substring("/courses/".length())), Map.entry("action", "edit"), Map.entry("title", "課文（修訂）"),
                Map.entry("markdown", "新的內容")));
        assertEquals(303, edited.statusCode());
        String copy = edited.headers().firstValue("Location").orElseThrow();
        assertFalse(copy.equals("/materials/" + lesson), "a published lesson changes in the draft's copy");
        assertTrue(owner.get(copy).body().contains("課文（修訂）"));
        assertTrue(learner.get("/materials/" + lesson).body().contains("<p>內容</p>"), "the learner's revision keeps its lesson");
    }

    /** Every e-learning page, and its refused forms, in both languages: a text missing from a bundle fails the page. */
    @Test
    void everyPageRendersInBothLanguages() {
        String base = server.getURL().toString();
        for (String language : List.of("zh-TW", "en")) {
            FormClient owner = new FormClient(base, language).signIn("epages.owner", TestUsers.PASSWORD);
            FormClient taker = new FormClient(base, language).signIn("epages.learner", TestUsers.PASSWORD);
            String lang = language.equals("en") ? "lang=\"en\"" : "lang=\"zh-Hant-TW\"";
            List<String> wrong = new ArrayList<>();
            for (String path : trainerPages()) {
                rendered(wrong, 200, lang, "GET " + path, owner.get(path));
            }
            for (String path : List.of("/enrollments/" + enrollment, "/materials/" + lesson, "/materials/" + link, "/tests/" + test,
                    "/attempts/" + attempt, "/attempts/" + closed)) {
                rendered(wrong, 200, lang, "GET " + path, taker.get(path));
            }
            rendered(wrong, 422, lang, "a refused lesson", owner.post(module, List.of(Map.entry("_csrf", owner.token()), Map.entry("kind", "LESSON"),
                    Map.entry("title", ""), Map.entry("markdown", ""))));
            rendered(wrong, 422, lang, "a refused test", owner.post(course + "/tests", List.of(Map.entry("_csrf", owner.token()),
                    Map.entry("title", ""), Map.entry("timeLimitMinutes", "0"), Map.entry("maxAttempts", "1"))));
            rendered(wrong, 422, lang, "a refused import", owner.postMultipart(course + "/items/import", List.of(Part.field("_csrf", owner.token()),
                    Part.field("format", "GIFT"), new Part("file", "bad.gift", "text/plain", "一年有幾個月？ {#12}\n".getBytes(StandardCharsets.UTF_8)))));
            rendered(wrong, 409, lang, "no attempt left", taker.post("/tests/" + test + "/attempts", List.of(Map.entry("_csrf", taker.token()))));
            assertEquals(List.of(), wrong, language);
        }
    }

    private static void rendered(List<String> wrong, int status, String lang, String what, HttpResponse<String> answer) {
        if (answer.statusCode() != status || !answer.body().contains(lang)) {
            wrong.add(what + " answered " + answer.statusCode());
        }
    }

    private static void expect(List<String> wrong, int status, String what, HttpResponse<String> answer) {
        FormClient.expectPage(wrong, status, what, answer);
    }

    /** A form with a valid token and the fields these forms read, so that only the access rule can refuse it. */
    private static HttpResponse<String> post(FormClient client, String path) {
        return client.post(path, List.of(Map.entry("_csrf", client.token()), Map.entry("kind", "LINK"), Map.entry("title", "x"),
                Map.entry("url", "https://example.org/"), Map.entry("course", "1"), Map.entry("action", "remove"),
                Map.entry("timeLimitMinutes", "10"), Map.entry("maxAttempts", "1")));
    }

    private static HttpResponse<String> upload(FormClient client, String path) {
        return client.postMultipart(path, List.of(Part.field("_csrf", client.token()), Part.field("format", "CSV"),
                new Part("file", "x.csv", "text/csv", "kind,stem\n".getBytes(StandardCharsets.UTF_8))));
    }
}
