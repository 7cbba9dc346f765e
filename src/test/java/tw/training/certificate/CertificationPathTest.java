package tw.training.certificate;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §6 end to end, in order: import a standard → a course on it → enroll → evidence → judgements →
 * complete → issue → print → verify → revoke → verify says revoked; then the certification report against
 * the progress service. The hostile learner's name ({@code <script>}) rides along through every page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificationPathTest implements DatabaseTest {

    private static final String STANDARD = "TSA4224-001v2";
    private static final List<String> INDICATORS = List.of("P1.1.1", "P1.1.2", "P2.1.1", "P2.1.2");
    private static final String HOSTILE = "<script>alert('x')</script>";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    private String admin;
    private String trainer;
    private String learner;
    private String hostile;
    private String stranger;
    private long course;
    private long enrollment;
    private long hostileEnrollment;
    private long evidence;
    private String number;
    private String token;

    @BeforeAll
    void importAndEnroll() throws IOException {
        TestUsers users = TestUsers.of(context, http);
        admin = users.tokenFor("cert.admin", Roles.ADMIN);
        trainer = users.tokenFor("cert.trainer", Roles.TRAINER);
        stranger = users.tokenFor("cert.stranger", Roles.LEARNER);
        learner = learner("cert.learner", "王小明");
        hostile = learner("cert.hostile", HOSTILE);

        String document;
        try (var in = Objects.requireNonNull(getClass().getResourceAsStream("/documents/standard-front-desk.txt"))) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpResponse<?> imported = http.toBlocking().exchange(HttpRequest.POST("/api/standards", document.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(trainer), Map.class);
        assertTrue(imported.getStatus().getCode() < 300);

        course = id(send(HttpRequest.POST("/api/courses", Map.of("code", "FD-101", "title", "旅館櫃檯接待實務", "hours", 12)), trainer));
        for (String task : List.of("T1.1", "T2.1")) {
            send(HttpRequest.POST("/api/courses/" + course + "/alignments",
                    Map.of("standardCode", STANDARD, "taskCode", task, "methods", List.of("OBSERVATION"))), trainer);
        }
        send(HttpRequest.POST("/api/courses/" + course + "/publish", Map.of()), trainer);
        enrollment = id(send(HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", "cert.learner")), trainer));
        hostileEnrollment = id(send(HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", "cert.hostile")), trainer));
    }

    @Test
    @Order(1)
    void anIncompleteEnrollmentIsNotCertified() {
        evidence = submit(enrollment, learner);
        judgeAll(evidence, INDICATORS.subList(0, 3));

        HttpClientResponseException refused = refusal(HttpRequest.POST("/api/enrollments/" + enrollment + "/certificate", Map.of()), admin);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertTrue(refused.getResponse().getBody(String.class).orElseThrow().contains("enrollmentId"));
        assertEquals(HttpStatus.FORBIDDEN, refusal(HttpRequest.POST("/api/enrollments/" + enrollment + "/certificate", Map.of()), trainer).getStatus());
    }

    @Test
    @Order(2)
    void aCompleteEnrollmentIsCertifiedOnceWithANumberAndAToken() {
        judgeAll(evidence, INDICATORS.subList(3, 4));
        assertEquals("COMPLETED", send(HttpRequest.GET("/api/enrollments/" + enrollment), learner).get("status"));

        HttpResponse<Map<String, Object>> issued = http.toBlocking().exchange(HttpRequest.POST("/api/enrollments/" + enrollment + "/certificate", Map.of())
                .bearerAuth(admin), Argument.mapOf(String.class, Object.class));
        assertEquals(HttpStatus.CREATED, issued.getStatus());
        Map<String, Object> certificate = issued.body();
        number = (String) certificate.get("number");
        assertTrue(number.matches("FD-101-20\\d\\d-0001"), number);
        assertNotNull(certificate.get("issuedAt"));
        assertEquals("VALID", certificate.get("status"));
        String url = (String) certificate.get("verificationUrl");
        token = url.substring(url.lastIndexOf('/') + 1);
        assertTrue(token.length() >= 40, "256 random bits: " + token);
        assertEquals(List.of(STANDARD + ":T1.1", STANDARD + ":T2.1"), ((List<Map<String, Object>>) certificate.get("tasks")).stream().map(t -> t.get("id")).toList());

        assertEquals(HttpStatus.CONFLICT, refusal(HttpRequest.POST("/api/enrollments/" + enrollment + "/certificate", Map.of()), admin).getStatus());
    }

    @Test
    @Order(3)
    void theLearnerAndTheCourseTrainersSeeItNobodyElse() {
        assertEquals(number, send(HttpRequest.GET("/api/certificates/" + number), learner).get("number"));
        assertEquals(number, send(HttpRequest.GET("/api/certificates/" + number), trainer).get("number"));
        assertEquals(List.of(number), list("/api/certificates", learner).stream().map(c -> c.get("number")).toList());

        assertEquals(HttpStatus.NOT_FOUND, refusal(HttpRequest.GET("/api/certificates/" + number), stranger).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, refusal(HttpRequest.GET("/api/certificates/" + number), hostile).getStatus());
        assertEquals(List.of(), list("/api/certificates", stranger));
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/certificates/" + number))).getStatus());
    }

    @Test
    @Order(4)
    void thePdfCarriesTheChineseTextInItsTextLayer() throws IOException {
        byte[] pdf = http.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + number).accept("application/pdf").bearerAuth(learner), byte[].class);

        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        String text = text(pdf);
        for (String expected : List.of("王小明", "旅館櫃檯接待實務", "確認訂房資料", "結算帳務", "旅館櫃檯接待人員", number)) {
            assertTrue(text.contains(expected), expected + " missing from the PDF text: " + text);
        }
    }

    @Test
    @Order(5)
    void theHtmlEscapesAHostileName() {
        judgeAll(submit(hostileEnrollment, hostile), INDICATORS);
        String second = (String) send(HttpRequest.POST("/api/enrollments/" + hostileEnrollment + "/certificate", Map.of()), admin).get("number");
        assertTrue(second.endsWith("-0002"), second);

        String html = http.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + second).accept(MediaType.TEXT_HTML).bearerAuth(hostile));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
        assertFalse(html.contains(HOSTILE));
        assertTrue(html.contains("<svg"), "the QR code is drawn inline");
    }

    @Test
    @Order(6)
    void verificationTellsValidityAndNothingPrivate() {
        Map<String, Object> byToken = send(HttpRequest.GET("/verify/" + token).accept(MediaType.APPLICATION_JSON), null);
        assertEquals("VALID", byToken.get("status"));
        assertEquals(number, byToken.get("number"));
        assertEquals("王*明", byToken.get("learner"));
        assertEquals(Map.of("code", "FD-101", "title", "旅館櫃檯接待實務", "hours", 12.0), byToken.get("course"));
        String raw = http.toBlocking().retrieve(HttpRequest.GET("/verify/" + token).accept(MediaType.APPLICATION_JSON));
        assertFalse(raw.contains("cert.learner") || raw.contains("王小明") || raw.contains("enrollment"), raw);

        // a number alone verifies nothing: numbers are sequential and could be walked
        assertEquals("UNKNOWN", send(HttpRequest.GET("/verify/" + number).accept(MediaType.APPLICATION_JSON), null).get("status"));
        assertEquals("UNKNOWN", send(HttpRequest.GET("/verify/" + number.toLowerCase()).accept(MediaType.APPLICATION_JSON), null).get("status"));
        assertEquals("UNKNOWN", send(HttpRequest.GET("/verify/FD-101-1999-0001").accept(MediaType.APPLICATION_JSON), null).get("status"));
        String page = http.toBlocking().retrieve(HttpRequest.GET("/verify/" + token));
        assertTrue(page.contains("有效") && page.contains("王*明"), page);
    }

    @Test
    @Order(7)
    void aLaterNotYetLeavesACertifiedEnrollmentComplete() {
        send(HttpRequest.POST("/api/evidence/" + evidence + "/judgements", Map.of("indicator", STANDARD + ":P1.1.1", "outcome", "NOT_YET")), trainer);

        assertEquals("COMPLETED", send(HttpRequest.GET("/api/enrollments/" + enrollment), learner).get("status"));
        assertEquals(75, ((Map<?, ?>) send(HttpRequest.GET("/api/enrollments/" + enrollment + "/progress"), learner).get("summary")).get("percent"));
    }

    @Test
    @Order(8)
    void revocationNeedsAnAdminAndAReasonAndHappensOnce() {
        String uri = "/api/certificates/" + number + "/revocation";
        assertEquals(HttpStatus.FORBIDDEN, refusal(HttpRequest.POST(uri, Map.of("reason", "x")), trainer).getStatus());
        HttpClientResponseException noReason = refusal(HttpRequest.POST(uri, Map.of("reason", " ")), admin);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, noReason.getStatus());
        assertTrue(noReason.getResponse().getBody(String.class).orElseThrow().contains("reason"));

        Map<String, Object> revoked = send(HttpRequest.POST(uri, Map.of("reason", "評量紀錄經查不實")), admin);
        assertEquals("REVOKED", revoked.get("status"));
        assertEquals("評量紀錄經查不實", revoked.get("revocationReason"));
        assertEquals(HttpStatus.CONFLICT, refusal(HttpRequest.POST(uri, Map.of("reason", "again")), admin).getStatus());

        Map<String, Object> verified = send(HttpRequest.GET("/verify/" + token).accept(MediaType.APPLICATION_JSON), null);
        assertEquals("REVOKED", verified.get("status"));
        assertNotNull(verified.get("revokedOn"));
        assertTrue(http.toBlocking().retrieve(HttpRequest.GET("/verify/" + token)).contains("已撤銷"));
    }

    @Test
    @Order(9)
    @SuppressWarnings("unchecked")
    void theReportAgreesWithTheProgressServiceInEveryFormat() throws IOException {
        String uri = "/api/reports/certification?courseId=" + course;
        Map<String, Object> report = send(HttpRequest.GET(uri).accept(MediaType.APPLICATION_JSON), admin);
        Map<String, Object> progress = send(HttpRequest.GET("/api/courses/" + course + "/progress"), trainer);

        List<Map<String, Object>> lines = (List<Map<String, Object>>) report.get("enrollments");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) progress.get("enrollments");
        assertEquals(rows.size(), lines.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> summary = (Map<String, Object>) rows.get(i).get("summary");
            assertEquals(rows.get(i).get("enrollmentId"), lines.get(i).get("enrollmentId"));
            assertEquals(summary.get("indicatorsMet"), lines.get(i).get("indicatorsMet"));
            assertEquals(summary.get("indicatorsTotal"), lines.get(i).get("indicatorsTotal"));
            assertEquals(summary.get("percent"), lines.get(i).get("percent"));
            assertEquals(rows.get(i).get("metIndicators"), lines.get(i).get("metIndicators"));
        }
        Map<String, Object> totals = (Map<String, Object>) report.get("totals");
        assertEquals(Map.of("enrollments", 2, "active", 0, "complete", 1, "withdrawn", 0, "certified", 1, "revoked", 1,
                "averagePercent", (75 + 100) / 2), totals);
        assertEquals(rows.stream().filter(r -> (Boolean) ((Map<String, Object>) r.get("summary")).get("complete")).count(),
                ((Number) totals.get("complete")).longValue());

        String html = http.toBlocking().retrieve(HttpRequest.GET(uri).accept(MediaType.TEXT_HTML).bearerAuth(admin));
        assertTrue(html.contains("&lt;script&gt;") && !html.contains(HOSTILE), "escaped in the report too");
        assertEquals(2, html.split("<svg").length - 1, "completion chart and heat map");
        assertTrue(html.contains("</title>P2.1.2</text>"), "the heat map names the plan's indicators");
        assertFalse(html.contains("<script"), "no scripts on the page");

        String csv = new String(http.toBlocking().retrieve(HttpRequest.GET(uri).accept("text/csv").bearerAuth(admin), byte[].class), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF\"enrollmentId\""), csv);
        assertTrue(csv.contains("\"王小明\",\"COMPLETED\",\"3\",\"4\",\"75\",\"false\""), csv);
        assertTrue(csv.contains(number + "\",\"REVOKED\",\"KEPT\"\r\n"), "the rules of evidence last: " + csv);
        assertTrue(csv.matches("(?s).*\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00\".*"), "times in Taipei, with the offset: " + csv);
        // issue 30, point 6: in the reader's words when the client names a language of ours; the stable keys on request
        String inChinese = new String(http.toBlocking().retrieve(HttpRequest.GET(uri).accept("text/csv").header("Accept-Language", "zh-TW")
                .bearerAuth(admin), byte[].class), StandardCharsets.UTF_8);
        assertTrue(inChinese.startsWith("\uFEFF\"報名編號\",\"帳號\",\"姓名\",\"狀態\""), inChinese);
        assertTrue(inChinese.contains("\"王小明\",\"已完成\",\"3\",\"4\",\"75\",\"否\"") && inChinese.contains(number + "\",\"已撤銷\""), inChinese);
        String forMachines = new String(http.toBlocking().retrieve(HttpRequest.GET(uri + "&headers=en").accept("text/csv")
                .header("Accept-Language", "zh-TW").bearerAuth(admin), byte[].class), StandardCharsets.UTF_8);
        assertEquals(csv, forMachines);

        String pdfText = text(http.toBlocking().retrieve(HttpRequest.GET(uri).accept("application/pdf").bearerAuth(admin), byte[].class));
        assertTrue(pdfText.contains("旅館櫃檯接待實務") && pdfText.contains("王小明") && pdfText.contains(number), pdfText);

        // the course's trainers read it too; learners do not
        assertTrue(new String(http.toBlocking().retrieve(HttpRequest.GET(uri).accept("text/csv").bearerAuth(trainer), byte[].class),
                StandardCharsets.UTF_8).contains(number + "\",\"REVOKED\""));
        assertEquals(HttpStatus.FORBIDDEN, refusal(HttpRequest.GET(uri), stranger).getStatus());
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refusal(HttpRequest.GET("/api/reports/certification"), admin).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, refusal(HttpRequest.GET("/api/reports/certification?courseId=999999"), admin).getStatus());
    }

    private String learner(String username, String displayName) {
        send(HttpRequest.POST("/api/users", Map.of("username", username, "displayName", displayName, "email", username + "@example.org",
                "password", TestUsers.PASSWORD, "roles", List.of(Roles.LEARNER))), TestUsers.of(context, http).tokenFor("cert.admin", Roles.ADMIN));
        return TestUsers.of(context, http).login(username, TestUsers.PASSWORD);
    }

    /** The name and course on an issued certificate are those it was issued with, whatever is corrected later. */
    @Test
    @Order(10)
    @SuppressWarnings("unchecked")
    void anIssuedCertificateKeepsTheNameAndCourseItCertified() throws SQLException, IOException {
        RowCounts database = new RowCounts(dataSource, List.of());
        database.execute("UPDATE app_user SET display_name = '王大明' WHERE username = 'cert.learner'");
        database.execute("UPDATE course SET code = 'FD-999', title = '改過的課名' WHERE course_id = " + course);

        Map<String, Object> certificate = send(HttpRequest.GET("/api/certificates/" + number), learner);
        assertEquals("王小明", ((Map<String, Object>) certificate.get("learner")).get("displayName"));
        assertEquals("旅館櫃檯接待實務", ((Map<String, Object>) certificate.get("course")).get("title"));
        Map<String, Object> verified = send(HttpRequest.GET("/verify/" + token).accept(MediaType.APPLICATION_JSON), null);
        assertEquals("王*明", verified.get("learner"));
        assertEquals(Map.of("code", "FD-101", "title", "旅館櫃檯接待實務", "hours", 12.0), verified.get("course"));
        assertTrue(text(http.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + number).accept("application/pdf").bearerAuth(learner),
                byte[].class)).contains("王小明"));
    }

    private long submit(long enrollmentId, String token) {
        String claims = String.join(",", INDICATORS.stream().map(i -> "\"" + STANDARD + ":" + i + "\"").toList());
        MultipartBody body = MultipartBody.builder().addPart("metadata",
                "{\"method\":\"OBSERVATION\",\"title\":\"櫃檯實作觀察\",\"indicators\":[" + claims + "]}").build();
        return id(send(HttpRequest.POST("/api/enrollments/" + enrollmentId + "/evidence", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE), token));
    }

    private void judgeAll(long evidenceId, List<String> indicators) {
        send(HttpRequest.POST("/api/courses/" + course + "/judgements", indicators.stream()
                .map(i -> Map.of("evidenceId", evidenceId, "indicator", STANDARD + ":" + i, "outcome", "MET")).toList()), trainer);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private Map<String, Object> send(MutableHttpRequest<?> request, String token) {
        if (token != null) {
            request.bearerAuth(token);
        }
        return http.toBlocking().retrieve(request, Argument.mapOf(String.class, Object.class));
    }

    private List<Map<String, Object>> list(String uri, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private HttpClientResponseException refusal(MutableHttpRequest<?> request, String token) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request.bearerAuth(token)));
    }

    private static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }
}
