package tw.training.evidence;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
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
import tw.training.testing.PortfolioCourse;
import tw.training.testing.RowCounts;
import tw.training.testing.SentMail;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 33, acceptance 4: a MET breaking sufficiency or currency is refused naming the rule, and recorded with a
 * reason when one is given; third-party reports alone meet nothing unless the plan allows it, and an unverified report
 * is not "third-party verified"; the progress API and the certification report show the four rules per indicator.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesOfEvidenceTest implements DatabaseTest {

    private static final String STANDARD = PortfolioCourse.STANDARD;
    private static final String REASON = "兩件作品集之一遺失，已以口頭問答補足";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    io.micronaut.context.ApplicationContext context;

    @Inject
    DataSource dataSource;

    private String trainer;
    private String learner;
    private String admin;
    private long course;
    private long enrollment;
    private RowCounts rows;

    @BeforeAll
    void course() {
        TestUsers users = TestUsers.of(context, http);
        trainer = users.tokenFor("re.trainer", Roles.TRAINER);
        learner = users.tokenFor("re.learner", Roles.LEARNER);
        admin = users.tokenFor("re.admin", Roles.ADMIN);
        rows = new RowCounts(dataSource, List.of());
        course = PortfolioCourse.id(PortfolioCourse.post(http, "/api/courses", trainer, Map.of("code", "RE-1", "title", "客訴處理實務", "hours", 6)));
        PortfolioCourse.post(http, "/api/courses/" + course + "/alignments", trainer, Map.of("standardCode", STANDARD, "taskCode", "T2.3",
                "methods", List.of("PORTFOLIO")));
        put("/api/courses/" + course + "/plan/" + STANDARD + ":P2.3.1/sufficiency", Map.of("minPieces", 2, "minMethods", 1));
        Map<String, Object> currency = put("/api/courses/" + course + "/currency", Map.of("months", 12));
        assertEquals(12, ((Map<?, ?>) currency.get("revision")).get("currencyMonths"));
        PortfolioCourse.post(http, "/api/courses/" + course + "/publish", trainer, Map.of());
        enrollment = PortfolioCourse.id(PortfolioCourse.post(http, "/api/courses/" + course + "/enrollments", trainer, Map.of("username", "re.learner")));
    }

    private Map<String, Object> put(String path, Object body) {
        return http.toBlocking().retrieve(HttpRequest.PUT(path, body).bearerAuth(trainer), Argument.mapOf(String.class, Object.class));
    }

    private long submit(String title, List<String> codes, String performedOn) {
        String claims = String.join(",", codes.stream().map(code -> "\"" + STANDARD + ":" + code + "\"").toList());
        String day = performedOn == null ? "" : ",\"performedOn\":\"" + performedOn + "\"";
        return PortfolioCourse.id(http.toBlocking().retrieve(HttpRequest.POST("/api/enrollments/" + enrollment + "/evidence", MultipartBody.builder()
                        .addPart("metadata", "{\"method\":\"PORTFOLIO\",\"title\":\"" + title + "\",\"indicators\":[" + claims + "]" + day + "}")
                        .addPart("file", "work.pdf", new MediaType("application/pdf"), PortfolioCourse.PDF).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(learner), Argument.mapOf(String.class, Object.class)));
    }

    private Map<String, Object> judge(long evidence, String code, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("indicator", STANDARD + ":" + code, "outcome", "MET", "comment", "符合"));
        body.putAll(extra);
        return http.toBlocking().retrieve(HttpRequest.POST("/api/evidence/" + evidence + "/judgements", body).bearerAuth(trainer),
                Argument.mapOf(String.class, Object.class));
    }

    private HttpClientResponseException refused(long evidence, String code, Map<String, Object> extra) {
        return assertThrows(HttpClientResponseException.class, () -> judge(evidence, code, extra));
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Taipei")).toString();
    }

    @Test
    @Order(1)
    void aMetOnTooLittleEvidenceIsRefusedNamingTheRuleAndRecordedWithAReason() {
        long first = submit("第一件作品", List.of("P2.3.1", "P2.3.2"), null);
        HttpClientResponseException insufficient = refused(first, "P2.3.1", Map.of());
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, insufficient.getStatus());
        String problem = insufficient.getResponse().getBody(String.class).orElse("");
        assertTrue(problem.contains("rules.sufficient"), problem);
        assertEquals("0", rows.single("SELECT COUNT(*) FROM judgement WHERE evidence_id = " + first), "nothing recorded");

        Map<String, Object> setAside = judge(first, "P2.3.1", Map.of("reason", REASON, "authenticity", "questioned_orally"));
        assertEquals("SUFFICIENT", setAside.get("rulesOverridden"));
        assertEquals(REASON, setAside.get("overrideReason"));
        assertEquals("QUESTIONED_ORALLY", setAside.get("authenticity"));
        assertEquals(1, setAside.get("evidencePieces"));

        Map<String, Object> kept = judge(first, "P2.3.2", Map.of());
        assertNull(kept.get("rulesOverridden"), "one piece is enough where the plan asks one");
        assertEquals("LEARNER_DECLARATION", kept.get("authenticity"), "a portfolio's usual way, when the assessor says nothing");

        long second = submit("第二件作品", List.of("P2.3.1"), today());
        Map<String, Object> sufficient = judge(second, "P2.3.1", Map.of());
        assertEquals(2, sufficient.get("evidencePieces"), "the body of evidence holds both pieces now");
        assertNull(sufficient.get("rulesOverridden"));
    }

    @Test
    @Order(2)
    void aMetOnStaleEvidenceIsRefusedNamingTheRuleAndADayAheadIsNoDay() {
        String old = LocalDate.now(ZoneId.of("Asia/Taipei")).minusMonths(13).toString();
        long stale = submit("去年的作品", List.of("P2.3.3"), old);
        HttpClientResponseException notCurrent = refused(stale, "P2.3.3", Map.of());
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, notCurrent.getStatus());
        assertTrue(notCurrent.getResponse().getBody(String.class).orElse("").contains("rules.current"));
        Map<String, Object> setAside = judge(stale, "P2.3.3", Map.of("reason", "主管來電確認仍每日執行"));
        assertEquals("CURRENT", setAside.get("rulesOverridden"));

        HttpClientResponseException unknownWay = refused(stale, "P2.3.3", Map.of("authenticity", "TRUST_ME"));
        assertTrue(unknownWay.getResponse().getBody(String.class).orElse("").contains("authenticity"));
        HttpClientResponseException future = assertThrows(HttpClientResponseException.class,
                () -> submit("明天的作品", List.of("P2.3.4"), LocalDate.now(ZoneId.of("Asia/Taipei")).plusDays(2).toString()));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, future.getStatus());
        assertTrue(future.getResponse().getBody(String.class).orElse("").contains("metadata.performedOn"));
    }

    @Test
    @Order(3)
    void theProgressApiShowsTheFourRulesPerIndicator() {
        Map<String, Object> progress = http.toBlocking().retrieve(HttpRequest.GET("/api/enrollments/" + enrollment + "/progress").bearerAuth(learner),
                Argument.mapOf(String.class, Object.class));
        Map<String, Map<?, ?>> rules = new HashMap<>();
        for (Object indicator : (List<?>) progress.get("indicators")) {
            rules.put((String) ((Map<?, ?>) indicator).get("id"), (Map<?, ?>) ((Map<?, ?>) indicator).get("rules"));
        }
        Map<?, ?> first = rules.get(STANDARD + ":P2.3.1");
        assertEquals("KEPT", ((Map<?, ?>) first.get("valid")).get("standing"));
        assertEquals(List.of("PORTFOLIO"), ((Map<?, ?>) first.get("valid")).get("methods"));
        // the MET that satisfies it is the first, which set sufficiency aside
        assertEquals(Map.of("standing", "SET_ASIDE", "pieces", 1, "methods", 1, "minPieces", 2, "minMethods", 1, "reason", REASON), first.get("sufficient"));
        assertEquals(List.of("QUESTIONED_ORALLY"), ((Map<?, ?>) first.get("authentic")).get("ways"));
        assertEquals("KEPT", ((Map<?, ?>) rules.get(STANDARD + ":P2.3.2").get("sufficient")).get("standing"));
        Map<?, ?> current = (Map<?, ?>) rules.get(STANDARD + ":P2.3.3").get("current");
        assertEquals("SET_ASIDE", current.get("standing"));
        assertEquals(12, current.get("windowMonths"));
        assertEquals("OPEN", ((Map<?, ?>) rules.get(STANDARD + ":P2.3.4").get("authentic")).get("standing"));
    }

    @Test
    @Order(4)
    void theCertificationReportHasARulesOfEvidenceColumn() {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/reports/certification?courseId=" + course + "&headers=en")
                .accept("text/csv").bearerAuth(admin));
        assertTrue(csv.lines().findFirst().orElse("").contains("rulesOfEvidence"), csv);
        assertTrue(csv.contains(STANDARD + ":P2.3.1 SUFFICIENT: " + REASON), csv);
        assertTrue(csv.contains(STANDARD + ":P2.3.3 CURRENT: 主管來電確認仍每日執行"), csv);
        String html = http.toBlocking().retrieve(HttpRequest.GET("/api/reports/certification?courseId=" + course).accept("text/html").bearerAuth(admin));
        assertTrue(html.contains("充分性 sufficient") && html.contains(REASON), "the printed report names the rule and the reason");
    }

    @Test
    @Order(5)
    void thirdPartyReportsAloneMeetNothingUnlessAllowedAndAreVerifiedBeforeTheySayVerified() throws SQLException {
        long reportCourse = PortfolioCourse.id(PortfolioCourse.post(http, "/api/courses", trainer, Map.of("code", "RE-2", "title", "第三方", "hours", 2)));
        PortfolioCourse.post(http, "/api/courses/" + reportCourse + "/alignments", trainer, Map.of("standardCode", STANDARD, "taskCode", "T2.3",
                "methods", List.of("THIRD_PARTY_REPORT")));
        // naming reports as the only method allows them alone; taking the allowance back makes the plan unpublishable
        Map<String, Object> taken = put("/api/courses/" + reportCourse + "/plan/" + STANDARD + ":P2.3.4/sufficiency", Map.of("minPieces", 1,
                "minMethods", 1, "thirdPartyAlone", false));
        List<Map<?, ?>> plan = (List<Map<?, ?>>) taken.get("plan");
        assertEquals(List.of(true, true, true, false), plan.stream().map(row -> row.get("thirdPartyAlone")).toList());
        HttpClientResponseException unpublishable = assertThrows(HttpClientResponseException.class,
                () -> PortfolioCourse.post(http, "/api/courses/" + reportCourse + "/publish", trainer, Map.of()));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, unpublishable.getStatus());
        assertTrue(unpublishable.getResponse().getBody(String.class).orElse("").contains("third-party"));
        put("/api/courses/" + reportCourse + "/plan/" + STANDARD + ":P2.3.4/sufficiency", Map.of("minPieces", 1, "minMethods", 1,
                "thirdPartyAlone", true));
        PortfolioCourse.post(http, "/api/courses/" + reportCourse + "/publish", trainer, Map.of());
        long reportEnrollment = PortfolioCourse.id(PortfolioCourse.post(http, "/api/courses/" + reportCourse + "/enrollments", trainer,
                Map.of("username", "re.learner")));
        // P2.3.2 as a plan stored before the rule holds it (migration V028), which let a report alone meet an indicator
        // without saying so: stored so before anything reads the published plan, which never changes afterwards
        rows.execute("UPDATE plan_indicator SET third_party_alone = FALSE WHERE revision_id = (SELECT revision_id FROM enrollment"
                + " WHERE enrollment_id = " + reportEnrollment + ") AND indicator_id = (SELECT i.indicator_id FROM indicator i"
                + " JOIN standard s ON s.standard_id = i.standard_id WHERE s.code = '" + STANDARD + "' AND i.code = 'P2.3.2')");
        long report = signedReport(reportEnrollment);

        HttpClientResponseException unverified = refused(report, "P2.3.1", Map.of());
        assertTrue(unverified.getResponse().getBody(String.class).orElse("").contains("rules.authentic"), "third-party verified, but not yet");
        long requestId = Long.parseLong(rows.single("SELECT third_party_request_id FROM third_party_request WHERE evidence_id = " + report));
        PortfolioCourse.post(http, "/api/third-party-requests/" + requestId + "/verification", trainer, Map.of("method", "PHONE", "date", today()));
        assertEquals("THIRD_PARTY_VERIFIED", judge(report, "P2.3.1", Map.of()).get("authenticity"));

        HttpClientResponseException alone = refused(report, "P2.3.2", Map.of("reason", "主管很可靠"));
        assertTrue(alone.getResponse().getBody(String.class).orElse("").contains("rules.valid"), "no reason sets this rule aside");
    }

    @Test
    @Order(6)
    void aBatchThatJudgesAClaimTwiceCountsThePieceItsMetRestsOn() {
        long piece = submit("再一件作品", List.of("P2.3.4"), null);
        assertEquals(201, http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course + "/judgements", List.of(
                Map.of("evidenceId", piece, "indicator", STANDARD + ":P2.3.4", "outcome", "MET"),
                Map.of("evidenceId", piece, "indicator", STANDARD + ":P2.3.4", "outcome", "NOT_YET"))).bearerAuth(trainer)).code());
    }

    @Test
    @Order(7)
    void onlyTheCoursesTrainersSetItsRulesOfEvidence() {
        String stranger = TestUsers.of(context, http).tokenFor("re.stranger", Roles.TRAINER);
        for (String token : List.of(stranger, learner)) {
            HttpClientResponseException sufficiency = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                    HttpRequest.PUT("/api/courses/" + course + "/plan/" + STANDARD + ":P2.3.1/sufficiency", Map.of("minPieces", 1, "minMethods", 1))
                            .bearerAuth(token)));
            HttpClientResponseException currency = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                    HttpRequest.PUT("/api/courses/" + course + "/currency", Map.of("months", 1)).bearerAuth(token)));
            HttpStatus expected = token.equals(learner) ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND;
            assertEquals(List.of(expected, expected), List.of(sufficiency.getStatus(), currency.getStatus()));
        }
        HttpClientResponseException zero = assertThrows(HttpClientResponseException.class, () -> put("/api/courses/" + course + "/currency",
                Map.of("months", 0)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, zero.getStatus());
        assertTrue(zero.getResponse().getBody(String.class).orElse("").contains("months"));
    }

    /** A report asked for, signed by the supervisor and filed as evidence claiming P2.3.1 and P2.3.2; answers the evidence's id. */
    private long signedReport(long reportEnrollment) {
        PortfolioCourse.post(http, "/api/enrollments/" + reportEnrollment + "/third-party-requests", trainer, Map.of("name", "林主任",
                "email", "lin@rules.example", "organisation", "好客飯店", "position", "櫃檯主任", "relationship", "直屬主管",
                "indicators", List.of(STANDARD + ":P2.3.1", STANDARD + ":P2.3.2")));
        String token = SentMail.thirdPartyToken(rows, "lin@rules.example");
        http.toBlocking().exchange(HttpRequest.POST("/api/third-party/" + token + "/code", ""));
        String code = SentMail.code(rows, "lin@rules.example");
        List<Map<String, Object>> answers = List.of(
                Map.of("indicator", STANDARD + ":P2.3.1", "observed", "CONSISTENTLY", "examples", "每週處理客訴"),
                Map.of("indicator", STANDARD + ":P2.3.2", "observed", "SOMETIMES", "examples", "偶爾主持檢討"));
        http.toBlocking().exchange(HttpRequest.POST("/api/third-party/" + token + "/report", Map.of("code", code, "answers", answers,
                "period", "2026 年秋", "place", "櫃檯", "monthsSupervised", 6, "firstHand", true, "noConflict", true, "mayContact", true,
                "signedName", "林主任", "intent", true)));
        return Long.parseLong(rows.single("SELECT evidence_id FROM third_party_request WHERE email = 'lin@rules.example'"));
    }
}
