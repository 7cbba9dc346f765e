package tw.training.thirdparty;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import tw.training.badge.BadgeKey;
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.RowCounts;
import tw.training.testing.SentMail;
import tw.training.testing.ShiftedClock;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 33, acceptance 1 and 2 through the API: a report asked for by the trainer, its link opened as a mail scanner
 * would (spending nothing), the code refused when missing, wrong (five times, then throttled) or expired, the signing
 * that files the report as evidence, a second signing and an expired link answered 410; only hashes of tokens and
 * codes in the database; the stored report verifies and a byte flipped does not.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThirdPartyReportTest implements DatabaseTest {

    private static final String INDICATOR = PortfolioCourse.STANDARD + ":P2.3.1";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    io.micronaut.context.ApplicationContext context;

    @Inject
    DataSource dataSource;

    @Inject
    ShiftedClock clock;

    @Inject
    BadgeKey key;

    private String trainer;
    private String learner;
    private long enrollment;
    private RowCounts rows;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("test.clock.shiftable", "true");
        return properties;
    }

    @BeforeAll
    void course() {
        TestUsers users = TestUsers.of(context, http);
        trainer = users.tokenFor("tp.trainer", Roles.TRAINER);
        learner = users.tokenFor("tp.learner", Roles.LEARNER);
        users.create("tp.other", Roles.LEARNER);
        PortfolioCourse course = PortfolioCourse.publish(http, trainer, "TP-1", "客訴處理實務", List.of("PORTFOLIO", "THIRD_PARTY_REPORT"));
        enrollment = course.enroll("tp.learner");
        rows = new RowCounts(dataSource, List.of());
    }

    private Map<String, Object> ask(String token, String email) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/enrollments/" + enrollment + "/third-party-requests", Map.of(
                "name", "林主任", "email", email, "organisation", "好客飯店", "position", "櫃檯主任", "relationship", "直屬主管",
                "indicators", List.of(INDICATOR))).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private String mailTo(String address) {
        return SentMail.newestTo(rows, address);
    }

    private String linkToken(String address) {
        return SentMail.thirdPartyToken(rows, address);
    }

    private String code(String token, String address) {
        http.toBlocking().exchange(HttpRequest.POST("/api/third-party/" + token + "/code", ""));
        return SentMail.code(rows, address);
    }

    private static Map<String, Object> report(String code, String observed) {
        Map<String, Object> body = new HashMap<>(Map.of("answers", List.of(Map.of("indicator", INDICATOR, "observed", observed,
                        "examples", "每週三次接待團體客，客訴處理流程完整")), "period", "2026 年 9 月至 11 月", "place", "好客飯店櫃檯",
                "monthsSupervised", 14, "firstHand", true, "noConflict", true, "mayContact", true, "signedName", "林主任", "intent", true));
        if (code != null) {
            body.put("code", code);
        }
        return body;
    }

    private HttpStatus submit(String token, Map<String, Object> body) {
        try {
            return http.toBlocking().exchange(HttpRequest.POST("/api/third-party/" + token + "/report", body)).getStatus();
        } catch (HttpClientResponseException refused) {
            return refused.getStatus();
        }
    }

    @Test
    @Order(1)
    void aLinkOpenedAsAScannerWouldStaysUsableAndOnlyHashesAreKept() {
        Map<String, Object> made = ask(trainer, "lin@hotel.example");
        assertEquals("WAITING", made.get("state"));
        assertFalse(made.containsKey("link"), "the link is the asked person's alone");
        String token = linkToken("lin@hotel.example");
        for (int i = 0; i < 3; i++) {
            Map<?, ?> form = http.toBlocking().retrieve(HttpRequest.GET("/api/third-party/" + token), Map.class);
            assertEquals(List.of(Map.of("id", INDICATOR, "text", ((List<Map<?, ?>>) form.get("indicators")).get(0).get("text"))), form.get("indicators"));
        }
        String code = code(token, "lin@hotel.example");
        assertEquals("0", rows.single("SELECT COUNT(*) FROM third_party_request WHERE token_hash = '" + token + "' OR code_hash = '" + code + "'"));
        assertEquals("1", rows.single("SELECT COUNT(*) FROM third_party_request WHERE LENGTH(token_hash) = 64 AND LENGTH(code_hash) = 64"));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, submit(token, report(null, "CONSISTENTLY")), "no code");
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < ReportSubmissions.CODE_TRIES; i++) {
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, submit(token, report(wrong, "CONSISTENTLY")), "wrong code " + (i + 1));
        }
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, submit(token, report(code, "CONSISTENTLY")), "five wrong: even the right one waits for a new code");

        String fresh = code(token, "lin@hotel.example");
        clock.pass(Duration.ofMinutes(16));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, submit(token, report(fresh, "CONSISTENTLY")), "an expired code");

        String last = code(token, "lin@hotel.example");
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, submit(token, Map.of("code", last)), "the answers are required");
        assertEquals(HttpStatus.CREATED, submit(token, report(last, "CONSISTENTLY")));
        assertEquals(HttpStatus.GONE, submit(token, report(last, "CONSISTENTLY")), "a second signing");
        HttpClientResponseException gone = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/third-party/" + token)));
        assertEquals(HttpStatus.GONE, gone.getStatus());
    }

    @Test
    @Order(2)
    void theSignedReportIsEvidenceItsReceiptVerifiesAndAFlippedByteDoesNot() {
        List<Map<String, Object>> listed = http.toBlocking().retrieve(HttpRequest.GET("/api/enrollments/" + enrollment + "/third-party-requests")
                .bearerAuth(learner), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Map<String, Object> submitted = listed.get(0);
        assertEquals("SUBMITTED", submitted.get("state"));
        String hash = (String) submitted.get("reportHash");
        assertNotNull(submitted.get("evidenceId"), "filed as evidence");
        assertEquals("THIRD_PARTY_REPORT", rows.single("SELECT method FROM evidence WHERE evidence_id = " + submitted.get("evidenceId")));
        context.getBean(tw.training.transparency.TransparencyLog.class).integrateAll();
        assertEquals("1", rows.single("SELECT COUNT(*) FROM transparency_leaf WHERE kind = 'THIRD_PARTY_REPORT' AND record_id = " + submitted.get("id")),
                "the signed report is a leaf of the transparency log");
        assertTrue(mailTo("lin@hotel.example").contains(hash), "the receipt names the hash");

        Map<?, ?> valid = http.toBlocking().retrieve(HttpRequest.GET("/third-party/verify/" + hash), Map.class);
        assertEquals(true, valid.get("valid"));
        Map<?, ?> unknown = http.toBlocking().retrieve(HttpRequest.GET("/third-party/verify/sha256:" + "0".repeat(64)), Map.class);
        assertEquals(false, unknown.get("valid"));

        byte[] stored = rows.single("SELECT signed_report FROM third_party_request WHERE report_hash = '" + hash + "'").getBytes(StandardCharsets.UTF_8);
        assertEquals(new SignedReport.Valid(hash), SignedReport.verify(stored, key.pair().getPublic()));
        String text = new String(stored, StandardCharsets.UTF_8);
        assertTrue(text.contains("林主任") && text.contains("CONSISTENTLY") && text.contains(ReportSubmissions.DECLARATION_VERSION));
        byte[] flipped = stored.clone();
        int at = text.indexOf("好客飯店櫃檯");
        flipped[at] ^= 0x01;
        assertInstanceOf(SignedReport.Invalid.class, SignedReport.verify(flipped, key.pair().getPublic()));
    }

    @Test
    @Order(3)
    void theAssessorSeesTheRiskFlagsAndRecordsHowTheReportWasVerified() {
        Map<String, Object> request = http.toBlocking().retrieve(HttpRequest.GET("/api/enrollments/" + enrollment + "/third-party-requests")
                .bearerAuth(trainer), Argument.listOf(Argument.mapOf(String.class, Object.class))).get(0);
        // opened, then signed after more than a minute (the codes and their 16 minutes), from this test's own address,
        // the address the learner signed in from: flagged for that, not for speed nor for its address
        assertEquals(List.of("SIGNED_FROM_LEARNERS_ADDRESS"), request.get("flags"));
        String path = "/api/third-party-requests/" + request.get("id") + "/verification";
        HttpClientResponseException byLearner = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST(path, Map.of("method", "PHONE", "date", "2026-12-07")).bearerAuth(learner)));
        assertEquals(HttpStatus.FORBIDDEN, byLearner.getStatus());
        HttpClientResponseException wrong = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST(path, Map.of("method", "TELEPATHY", "date", "someday")).bearerAuth(trainer)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, wrong.getStatus());
        assertTrue(wrong.getResponse().getBody(String.class).orElse("").contains("method"));
        String today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Taipei")).toString();
        Map<String, Object> verified = http.toBlocking().retrieve(HttpRequest.POST(path, Map.of("method", "phone", "date", today)).bearerAuth(trainer),
                Argument.mapOf(String.class, Object.class));
        assertEquals(Map.of("method", "PHONE", "on", today, "by", "tp.trainer"),
                Map.of("method", ((Map<?, ?>) verified.get("verification")).get("method"), "on", ((Map<?, ?>) verified.get("verification")).get("on"),
                        "by", ((Map<?, ?>) verified.get("verification")).get("by")));
    }

    @Test
    @Order(4)
    void aReportSignedQuicklyByTheLearnersColleagueIsFlagged() {
        ask(trainer, "colleague@example.org");
        String token = linkToken("colleague@example.org");
        http.toBlocking().retrieve(HttpRequest.GET("/api/third-party/" + token), Map.class);
        String code = code(token, "colleague@example.org");
        assertEquals(HttpStatus.CREATED, submit(token, report(code, "SOMETIMES")));
        List<Map<String, Object>> listed = http.toBlocking().retrieve(HttpRequest.GET("/api/enrollments/" + enrollment + "/third-party-requests")
                .bearerAuth(trainer), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(List.of("SAME_DOMAIN_AS_LEARNER", "SIGNED_QUICKLY", "SIGNED_FROM_LEARNERS_ADDRESS"), listed.get(listed.size() - 1).get("flags"));
    }

    @Test
    @Order(5)
    void requestsAreRefusedOutsideThePlanAndToOthers() {
        HttpClientResponseException notInPlan = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/enrollments/" + enrollment + "/third-party-requests", Map.of("name", "x", "email", "x@y.example",
                        "organisation", "o", "position", "p", "relationship", "r", "indicators", List.of(PortfolioCourse.STANDARD + ":P1.1.1")))
                        .bearerAuth(trainer)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, notInPlan.getStatus());
        String other = TestUsers.of(context, http).login("tp.other", TestUsers.PASSWORD);
        HttpClientResponseException stranger = assertThrows(HttpClientResponseException.class, () -> ask(other, "who@else.example"));
        assertEquals(HttpStatus.NOT_FOUND, stranger.getStatus());
        HttpResponse<?> unknown = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/third-party/" + "A".repeat(43)))).getResponse();
        assertEquals(HttpStatus.NOT_FOUND, unknown.getStatus());
    }

    @Test
    @Order(8)
    void anExpiredLinkAnswersGone() {
        ask(learner, "late@hotel.example");
        String token = linkToken("late@hotel.example");
        clock.pass(Duration.ofDays(15));
        HttpClientResponseException gone = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/third-party/" + token)));
        assertEquals(HttpStatus.GONE, gone.getStatus());
    }

    @Test
    @Order(7)
    void aReportSignedAtTheLearnersOwnAddressIsFlagged() {
        ask(trainer, "tp.learner@example.org");
        String token = linkToken("tp.learner@example.org");
        String code = code(token, "tp.learner@example.org");
        assertEquals(HttpStatus.CREATED, submit(token, report(code, "CONSISTENTLY")));
        List<Map<String, Object>> listed = http.toBlocking().retrieve(HttpRequest.GET("/api/enrollments/" + enrollment + "/third-party-requests")
                .bearerAuth(learner), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(((List<?>) listed.get(listed.size() - 1).get("flags")).contains("EMAIL_IS_LEARNERS"), listed.toString());
    }
}
