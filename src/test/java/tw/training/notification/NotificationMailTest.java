package tw.training.notification;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tw.training.account.Roles;
import tw.training.mail.MailSender;
import tw.training.testing.DatabaseTest;
import tw.training.testing.MailServer;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notifications by mail (issue 31, point 6; acceptance 1) through a real SMTP server: each kind reaches the right
 * person in their language with the link to its page and the one-click unsubscribe headers; immediate, digest and off
 * are honoured; one digest per person per day whatever the number of events; an unsubscribe link works without
 * signing in, for its kind only.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationMailTest implements DatabaseTest {

    private static MailServer smtp;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    MailSender sender;

    @Inject
    DigestSender digests;

    @Inject
    JudgementNotices judgements;

    private PortfolioCourse course;
    private String learner;
    private String english;
    private long enrollment;
    private long englishEnrollment;

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

    @BeforeAll
    void aCourseWithTwoLearners() {
        TestUsers users = TestUsers.of(context, http);
        course = PortfolioCourse.publish(http, users.tokenFor("note.trainer", Roles.TRAINER), "NOTE-1", "客訴處理實務");
        learner = users.tokenFor("note.learner", Roles.LEARNER);
        english = users.tokenFor("note.english", Roles.LEARNER);
        Map<String, Object> chosen = http.toBlocking().retrieve(HttpRequest.PUT("/api/notifications/language", Map.of("language", "en"))
                .bearerAuth(english), Argument.mapOf(String.class, Object.class));
        assertEquals("en", chosen.get("language"), "the learner chose English for their mail");
        users.create("note.admin", Roles.ADMIN);
        enrollment = course.enroll("note.learner");
        englishEnrollment = course.enroll("note.english");
    }

    /** The mail the outbox sends now, once the judgements recorded until now were told (after their transactions). */
    private List<MailServer.Received> mailTo(String username) {
        judgements.catchUp();
        sender.sendBatch();
        return smtp.receivedBy(username + "@example.org");
    }

    private Map<String, Object> notifications(String token, String language) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/notifications").bearerAuth(token).header("Accept-Language", language),
                Argument.mapOf(String.class, Object.class));
    }

    @Test
    @Order(1)
    void aJudgementIsMailedAtOnceInTheLearnersLanguageWithItsLinkAndUnsubscribeHeaders() {
        long evidence = course.submitPdf(learner, enrollment, "客訴演練", List.of("P2.3.1"));
        course.judge(evidence, "P2.3.1", "NOT_YET", "請補上客戶回覆");
        List<MailServer.Received> mails = mailTo("note.learner");
        assertEquals(1, mails.size());
        MailServer.Received mail = mails.get(0);
        assertTrue(mail.subject().startsWith("您的佐證「客訴演練」已由"), mail.subject());
        assertTrue(mail.text().contains("P2.3.1：尚未達成。請補上客戶回覆"), mail.text());
        assertTrue(mail.text().contains("/evidence/" + evidence), "the link to the page it concerns");
        assertTrue(mail.header("List-Unsubscribe").matches("<https?://[^>]+/notifications/unsubscribe/\\d+/EVIDENCE_JUDGED/[A-Za-z0-9_-]+>"),
                mail.header("List-Unsubscribe"));
        assertEquals("List-Unsubscribe=One-Click", mail.header("List-Unsubscribe-Post"));
        assertTrue(mail.html().contains("請補上客戶回覆"));

        long englishEvidence = course.submitPdf(english, englishEnrollment, "Complaint drill", List.of("P2.3.1"));
        course.judge(englishEvidence, "P2.3.1", "MET", "");
        MailServer.Received englishMail = mailTo("note.english").get(0);
        assertTrue(englishMail.subject().startsWith("Your evidence \"Complaint drill\" was judged by"), englishMail.subject());
        assertTrue(englishMail.text().contains("P2.3.1: met"), englishMail.text());

        Map<String, Object> listed = notifications(learner, "zh-TW");
        assertEquals(1, ((Number) listed.get("unread")).intValue(), "and in the user's list");
    }

    @Test
    @Order(2)
    void meetingThePlanAndACertificateAreMailedToTheLearnerAndTheTrainerIsToldInTheDigest() {
        smtp.clear();
        long evidence = course.submitPdf(learner, enrollment, "完整演練", PortfolioCourse.INDICATORS);
        course.meet(evidence, PortfolioCourse.INDICATORS, "完整");
        List<MailServer.Received> mails = mailTo("note.learner");
        assertEquals(List.of("您的佐證「完整演練」已由 測試 note.trainer 評量", "您已達成 客訴處理實務 計畫中的所有行為指標"),
                mails.stream().map(MailServer.Received::subject).toList());
        assertTrue(mails.get(1).text().contains("/enrollments/" + enrollment), "the plan's page");
        assertTrue(mails.get(1).header("List-Unsubscribe").contains("/PLAN_MET/"), "its own kind's unsubscribe");
        assertEquals(List.of(), mailTo("note.trainer"), "a learner completing is in the trainer's digest, not a mail of its own");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) notifications(learner, "zh-TW").get("notifications");
        Map<String, Object> met = listed.stream().filter(n -> "INDICATOR_MET".equals(n.get("kind"))).findFirst().orElseThrow();
        assertEquals("您在 客訴處理實務 又達成了 4 項行為指標", met.get("title"), "the four indicators the batch met, one notification");
        assertEquals(4, ((List<?>) met.get("lines")).size());

        String admin = TestUsers.of(context, http).tokenFor("note.admin", Roles.ADMIN);
        Map<String, Object> certificate = PortfolioCourse.post(http, "/api/enrollments/" + enrollment + "/certificate", admin, Map.of());
        String number = (String) certificate.get("number");
        MailServer.Received issued = mailTo("note.learner").get(2);
        assertTrue(issued.subject().contains(number) && issued.text().contains("/certificates"), issued.text());
        assertTrue(issued.header("List-Unsubscribe").contains("/CERTIFICATE_ISSUED/"));
        PortfolioCourse.post(http, "/api/certificates/" + number + "/revocation", admin, Map.of("reason", "資料有誤"));
        MailServer.Received revoked = mailTo("note.learner").get(3);
        assertTrue(revoked.subject().contains("已被撤銷") && revoked.text().contains("原因：資料有誤"), revoked.text());
        assertTrue(revoked.header("List-Unsubscribe").contains("/CERTIFICATE_REVOKED/"));
    }

    @Test
    @Order(3)
    void oneDigestPerPersonPerDayWhateverTheNumberOfEvents() {
        smtp.clear();
        Map<String, Object> chosen = http.toBlocking().retrieve(HttpRequest.PUT("/api/notifications/preferences", Map.of("EVIDENCE_JUDGED", "DIGEST"))
                .bearerAuth(english), Argument.mapOf(String.class, Object.class));
        assertEquals("DIGEST", chosen.get("EVIDENCE_JUDGED"));
        for (String code : List.of("P2.3.2", "P2.3.3")) {
            long evidence = course.submitPdf(english, englishEnrollment, "Drill " + code, List.of(code));
            course.judge(evidence, code, "MET", "good");
        }
        assertEquals(List.of(), mailTo("note.english"), "nothing at once");
        LocalDate today = LocalDate.now(DigestSender.TAIPEI);
        digests.send(today);
        course.judge(course.submitPdf(english, englishEnrollment, "Drill late", List.of("P2.3.4")), "P2.3.4", "MET", "");
        digests.send(today);
        List<MailServer.Received> mails = mailTo("note.english").stream().filter(m -> m.subject().startsWith("Your daily summary")).toList();
        assertEquals(1, mails.size(), "one digest today, however many events and runs");
        assertTrue(mailTo("note.english").stream().anyMatch(m -> m.subject().startsWith("You met every indicator")),
                "meeting the plan stays immediate: only the judgements were moved to the digest");
        MailServer.Received digest = mails.get(0);
        assertTrue(digest.subject().startsWith("Your daily summary"), digest.subject());
        assertTrue(digest.text().contains("Drill P2.3.2") && digest.text().contains("Drill P2.3.3") && !digest.text().contains("Drill late"), digest.text());
        assertTrue(digest.header("List-Unsubscribe").contains("/DIGEST/"));

        digests.send(today.plusDays(1));
        List<MailServer.Received> next = mailTo("note.english").stream().filter(m -> m.subject().startsWith("Your daily summary")).toList();
        assertEquals(2, next.size());
        assertTrue(next.get(1).text().contains("Drill late"), "the next day's digest has what came after");

        List<MailServer.Received> trainer = mailTo("note.trainer");
        assertEquals(2, trainer.size(), "the trainer's digest, one each day");
        assertTrue(trainer.get(0).text().contains("已達成 客訴處理實務 計畫中的所有行為指標"), "a learner completed: " + trainer.get(0).text());
        List<MailServer.Received> admin = mailTo("note.admin");
        assertEquals(2, admin.size(), "the administrator's digest, one each day a learner waits for a certificate");
        assertTrue(admin.get(0).text().contains("NOTE-1 客訴處理實務：1 位學員已達成計畫，等待核發證書"), admin.get(0).text());
        assertTrue(admin.get(0).text().contains("/courses/" + course.id() + "/certificates"));
    }

    @Test
    @Order(4)
    void aTrainersDigestCountsTheEvidenceWaitingPerCourse() {
        smtp.clear();
        course.submitPdf(learner, enrollment, "等待評量一", List.of("P2.3.1"));
        course.submitPdf(learner, enrollment, "等待評量二", List.of("P2.3.2"));
        digests.send(LocalDate.now(DigestSender.TAIPEI).plusDays(2));
        MailServer.Received digest = mailTo("note.trainer").get(0);
        assertTrue(digest.text().contains("NOTE-1 客訴處理實務：2 件佐證等待評量"), digest.text());
        assertTrue(digest.text().contains("/courses/" + course.id() + "/queue"));
    }

    @Test
    @Order(5)
    void anUnsubscribeLinkWorksWithoutSigningInForItsKindOnly() throws Exception {
        smtp.clear();
        long evidence = course.submitPdf(learner, enrollment, "退訂前", List.of("P2.3.3"));
        course.judge(evidence, "P2.3.3", "MET", "");
        String link = mailTo("note.learner").get(0).header("List-Unsubscribe").replaceAll("[<>]", "");
        java.net.http.HttpClient plain = java.net.http.HttpClient.newHttpClient();
        URI local = URI.create(http.toString().isEmpty() ? link : link);
        String path = local.getPath();
        String base = context.getBean(io.micronaut.runtime.server.EmbeddedServer.class).getURL().toString();

        HttpResponse<String> opened = plain.send(java.net.http.HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, opened.statusCode());
        assertEquals("IMMEDIATE", preferences(learner).get("EVIDENCE_JUDGED"), "opening the link changes nothing");

        HttpResponse<String> forged = plain.send(java.net.http.HttpRequest.newBuilder(URI.create(base + path.replaceFirst("/[^/]+$", "/forged")))
                .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, forged.statusCode());
        HttpResponse<String> otherKind = plain.send(java.net.http.HttpRequest.newBuilder(URI.create(base + path.replace("/EVIDENCE_JUDGED/", "/PLAN_MET/")))
                .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, otherKind.statusCode(), "the signature is for its kind only");

        HttpResponse<String> oneClick = plain.send(java.net.http.HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, oneClick.statusCode());
        Map<String, Object> now = preferences(learner);
        assertEquals("OFF", now.get("EVIDENCE_JUDGED"));
        assertEquals("IMMEDIATE", now.get("PLAN_MET"), "other kinds are as they were");

        smtp.clear();
        course.judge(course.submitPdf(learner, enrollment, "退訂後", List.of("P2.3.4")), "P2.3.4", "MET", "");
        assertEquals(List.of(), mailTo("note.learner"), "off: no mail");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) notifications(learner, "en").get("notifications");
        assertTrue(((String) listed.get(0).get("title")).contains("退訂後"), "but still in the list, in English words: " + listed.get(0));
        assertFalse((Boolean) listed.get(0).get("read"));
        assertNotNull(listed.get(0).get("link"));
    }

    private Map<String, Object> preferences(String token) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/notifications/preferences").bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }
}
