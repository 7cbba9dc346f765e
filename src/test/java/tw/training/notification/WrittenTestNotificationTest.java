package tw.training.notification;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.mail.MailSender;
import tw.training.testing.DatabaseTest;
import tw.training.testing.LearningApi;
import tw.training.testing.MailServer;
import tw.training.testing.TestUsers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 31, point 6, written tests: a test made on a course is told to its learners with when it closes; within the last
 * day a learner who has not finished it is reminded, once; a test closed with a short answer tells the course's
 * trainer there is something to mark (in the daily digest by default; at once when the trainer chose so), linking to
 * the judging page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WrittenTestNotificationTest implements DatabaseTest {

    private static MailServer smtp;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    MailSender sender;

    @Inject
    TestReminders reminders;

    @Override
    public Map<String, String> getProperties() {
        smtp = new MailServer();
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.putAll(smtp.properties());
        properties.put("app.notifications.digest-every", "1h");
        return properties;
    }

    @AfterAll
    void stopSmtp() {
        smtp.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aShortAnswerToMarkIsToldToTheTrainer() {
        LearningApi api = new LearningApi(http);
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("mark.trainer", Roles.TRAINER);
        long course = api.draftCourse(trainer, "WT-MARK");
        api.send(trainer, HttpRequest.POST("/api/courses/" + course + "/items", """
                kind,stem,options,answer,indicators
                SHORT_ANSWER,說明安撫顧客情緒的做法。,,先傾聽再回應,KPS5294-001v4:P2.3.2
                """).contentType("text/csv"));
        api.post(trainer, "/api/courses/" + course + "/publish", Map.of());
        http.toBlocking().exchange(HttpRequest.PUT("/api/notifications/preferences", Map.of("SHORT_ANSWERS_TO_MARK", "IMMEDIATE")).bearerAuth(trainer));
        String learner = users.tokenFor("mark.learner", Roles.LEARNER);
        api.post(trainer, "/api/courses/" + course + "/enrollments", Map.of("username", "mark.learner"));
        users.create("mark.late", Roles.LEARNER);
        api.post(trainer, "/api/courses/" + course + "/enrollments", Map.of("username", "mark.late"));
        long test = LearningApi.id(api.post(trainer, "/api/courses/" + course + "/tests", Map.of("title", "簡答", "timeLimitMinutes", 10,
                "maxAttempts", 1, "indicators", List.of(Map.of("indicator", "KPS5294-001v4:P2.3.2", "items", 1, "passMark", 100)),
                "closesAt", java.time.Instant.now().plus(java.time.Duration.ofHours(20)).toString())));
        sender.sendBatch();
        for (String address : List.of("mark.learner@example.org", "mark.late@example.org")) {
            MailServer.Received opened = smtp.receivedBy(address).get(0);
            assertTrue(opened.subject().startsWith("客訴處理實務 開放了筆試：簡答") || opened.subject().contains("開放了筆試：簡答"), opened.subject());
            assertTrue(opened.text().contains("/tests/" + test) && opened.text().contains("截止時間"), opened.text());
            assertTrue(opened.header("List-Unsubscribe").contains("/TEST_OPENED/"));
        }

        Map<String, Object> attempt = api.post(learner, "/api/tests/" + test + "/attempts", Map.of());
        long item = ((Number) ((List<Map<String, Object>>) attempt.get("items")).get(0).get("itemId")).longValue();
        api.put(learner, "/api/attempts/" + LearningApi.id(attempt) + "/answers/" + item, Map.of("text", "先聽顧客說完。"));
        long evidence = ((Number) api.post(learner, "/api/attempts/" + LearningApi.id(attempt) + "/submission", Map.of()).get("evidenceId")).longValue();

        sender.sendBatch();
        List<MailServer.Received> mails = smtp.receivedBy("mark.trainer@example.org");
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).subject().contains("有簡答待批改"), mails.get(0).subject());
        assertTrue(mails.get(0).text().contains("/assess/" + evidence), mails.get(0).text());
        assertTrue(mails.get(0).header("List-Unsubscribe").contains("/SHORT_ANSWERS_TO_MARK/"));
        Map<String, Object> listed = http.toBlocking().retrieve(HttpRequest.GET("/api/notifications").bearerAuth(trainer),
                Argument.mapOf(String.class, Object.class));
        assertEquals("/assess/" + evidence, ((List<Map<String, Object>>) listed.get("notifications")).get(0).get("link"));
        assertEquals(1, smtp.receivedBy("mark.learner@example.org").size(), "the test's opening only: the learner saw the result on the spot");

        assertEquals(1, reminders.remind(), "the learner who has not finished it, not the one who has");
        assertEquals(0, reminders.remind(), "once");
        sender.sendBatch();
        List<MailServer.Received> late = smtp.receivedBy("mark.late@example.org");
        assertEquals(2, late.size());
        assertTrue(late.get(1).subject().contains("將於一天內截止") && late.get(1).text().contains("/tests/" + test), late.get(1).text());
        assertEquals(1, smtp.receivedBy("mark.learner@example.org").size());
    }
}
