package tw.training.progress;

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
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §5's rule, case by case, through the API on a real database: a course on KPS5294-001v4 T2.3 where
 * P2.3.1 requires OBSERVATION and PORTFOLIO and the other three indicators OBSERVATION only.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressApiTest implements DatabaseTest {

    private static final String P1 = "KPS5294-001v4:P2.3.1";
    private static final String P2 = "KPS5294-001v4:P2.3.2";
    private static final String P3 = "KPS5294-001v4:P2.3.3";
    private static final String P4 = "KPS5294-001v4:P2.3.4";
    private static final AtomicInteger COURSES = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    private TestUsers users;
    private String trainer;
    private String learner;
    private long course;
    private long enrollment;

    @BeforeEach
    void enrollInAFreshCourse() {
        users = TestUsers.of(context, http);
        trainer = users.tokenFor("prog.trainer", Roles.TRAINER);
        int n = COURSES.incrementAndGet();
        String username = "prog.learner" + n;
        users.create(username, Roles.LEARNER);
        learner = users.login(username, TestUsers.PASSWORD);
        course = id(send(HttpRequest.POST("/api/courses", Map.of("code", "PR-" + n, "title", "進度", "hours", 6)), trainer));
        send(HttpRequest.POST("/api/courses/" + course + "/alignments",
                Map.of("standardCode", "KPS5294-001v4", "taskCode", "T2.3", "methods", List.of("OBSERVATION"))), trainer);
        send(HttpRequest.PUT("/api/courses/" + course + "/plan/" + P1, Map.of("methods", List.of("OBSERVATION", "PORTFOLIO"))), trainer);
        send(HttpRequest.POST("/api/courses/" + course + "/publish", Map.of()), trainer);
        enrollment = id(send(HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", username)), trainer));
    }

    @Test
    void theLatestJudgementWinsAndNotYetUnMeets() {
        long evidence = submit("OBSERVATION", P2);

        judge(evidence, P2, "MET");
        assertEquals(true, indicator(P2).get("met"));
        judge(evidence, P2, "NOT_YET");
        assertEquals(false, indicator(P2).get("met"));
        judge(evidence, P2, "MET");
        assertEquals(true, indicator(P2).get("met"));
    }

    @Test
    void anIndicatorNeedingTwoMethodsIsMetOnlyWithBothAndSaysWhatIsMissing() {
        long portfolio = submit("PORTFOLIO", P1);
        judge(portfolio, P1, "MET");

        Map<String, Object> half = indicator(P1);
        assertEquals(false, half.get("met"));
        assertEquals(List.of("OBSERVATION", "PORTFOLIO"), half.get("requiredMethods"));
        assertEquals(List.of("PORTFOLIO"), half.get("satisfiedMethods"));
        assertEquals(List.of("OBSERVATION"), half.get("missing"));

        long observation = submit("OBSERVATION", P1);
        judge(observation, P1, "MET");
        Map<String, Object> whole = indicator(P1);
        assertEquals(true, whole.get("met"));
        assertEquals(2, ((List<?>) whole.get("satisfiedBy")).size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachSatisfiedMethodNamesItsEvidenceAndJudgement() {
        long evidence = submit("OBSERVATION", P3);
        long judgement = id(judge(evidence, P3, "MET"));

        Map<String, Object> reason = ((List<Map<String, Object>>) indicator(P3).get("satisfiedBy")).get(0);
        assertEquals("OBSERVATION", reason.get("method"));
        assertEquals(evidence, ((Number) reason.get("evidenceId")).longValue());
        assertEquals(judgement, ((Number) reason.get("judgementId")).longValue());
        assertEquals("prog.trainer", reason.get("assessor"));
    }

    @Test
    void anEnrollmentKeepsThePlanItJoinedWhenTheCourseIsRevised() {
        long evidence = submit("OBSERVATION", P4);
        judge(evidence, P4, "MET");
        // the plan of a later revision is not this enrollment's: P2.3.4 now wants PORTFOLIO, the enrollment keeps OBSERVATION
        send(HttpRequest.PUT("/api/courses/" + course + "/plan/" + P4, Map.of("methods", List.of("PORTFOLIO"))), trainer);

        assertEquals(true, indicator(P4).get("met"));
        assertEquals(List.of("OBSERVATION"), indicator(P4).get("requiredMethods"));
    }

    @Test
    void withdrawnEvidenceDoesNotCount() throws Exception {
        long evidence = submit("OBSERVATION", P2);
        judge(evidence, P2, "MET");

        // the API refuses to withdraw judged evidence: withdrawn by hand, then repaired as the rebuild command would
        new RowCounts(dataSource, List.of()).execute("UPDATE evidence SET status = 'WITHDRAWN' WHERE evidence_id = " + evidence);
        assertEquals(true, indicator(P2).get("met"));
        context.getBean(ProgressService.class).rebuild();

        assertEquals(false, indicator(P2).get("met"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyThePlansIndicatorsCountAndTasksSumThemUp() {
        Map<String, Object> progress = progress();

        assertEquals(List.of(P1, P2, P3, P4), ((List<Map<String, Object>>) progress.get("indicators")).stream().map(i -> i.get("id")).toList());
        Map<String, Object> task = ((List<Map<String, Object>>) progress.get("tasks")).get(0);
        assertEquals(Map.of("id", "KPS5294-001v4:T2.3", "title", "處理客訴", "indicatorsMet", 0, "indicatorsTotal", 4, "met", false), task);
        assertEquals(Map.of("indicatorsMet", 0, "indicatorsTotal", 4, "percent", 0, "complete", false), progress.get("summary"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void meetingEveryIndicatorCompletesTheEnrollmentAndANotYetReopensIt() {
        long observation = meetEveryIndicator();

        Map<String, Object> done = send(HttpRequest.GET("/api/enrollments/" + enrollment), learner);
        assertEquals("COMPLETED", done.get("status"));
        assertNotNull(done.get("completedAt"));
        assertEquals(Map.of("indicatorsMet", 4, "indicatorsTotal", 4, "percent", 100, "complete", true), progress().get("summary"));

        judge(observation, P3, "NOT_YET");

        Map<String, Object> reopened = send(HttpRequest.GET("/api/enrollments/" + enrollment), learner);
        assertEquals("ACTIVE", reopened.get("status"));
        assertNull(reopened.get("completedAt"));
        assertEquals(75, ((Map<String, Object>) progress().get("summary")).get("percent"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCourseShowsEveryEnrollmentAndHowManyMetEachIndicatorAlsoAsCsv() {
        long evidence = submit("OBSERVATION", P2, P3);
        judge(evidence, P2, "MET");
        users.create("prog.other" + course, Roles.LEARNER);
        send(HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", "prog.other" + course)), trainer);

        Map<String, Object> cohort = send(HttpRequest.GET("/api/courses/" + course + "/progress"), trainer);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) cohort.get("enrollments");
        assertEquals(2, rows.size());
        Map<String, Object> mine = rows.stream().filter(r -> ((Number) r.get("enrollmentId")).longValue() == enrollment).findFirst().orElseThrow();
        assertEquals(List.of(P2), mine.get("metIndicators"));
        assertEquals(25, ((Map<String, Object>) mine.get("summary")).get("percent"));
        assertTrue(((List<Map<String, Object>>) cohort.get("indicators")).contains(Map.of("id", P2, "learnersMet", 1)));
        assertTrue(((List<Map<String, Object>>) cohort.get("indicators")).contains(Map.of("id", P1, "learnersMet", 0)));

        HttpResponse<byte[]> csv = http.toBlocking().exchange(HttpRequest.GET("/api/courses/" + course + "/progress")
                .accept("text/csv").bearerAuth(trainer), byte[].class);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertEquals("text/csv;charset=UTF-8", csv.getContentType().orElseThrow().toString());
        assertTrue(text.startsWith("\uFEFF\"enrollmentId\",\"username\",\"displayName\""), text);
        assertTrue(text.contains("\"測試 prog.other" + course + "\""), text);
        assertTrue(text.contains("\"25\",\"false\",\"" + P2 + "\"\r\n"), text);
        String inEnglish = new String(http.toBlocking().retrieve(HttpRequest.GET("/api/courses/" + course + "/progress")
                .accept("text/csv").header("Accept-Language", "en").bearerAuth(trainer), byte[].class), StandardCharsets.UTF_8);
        assertTrue(inEnglish.startsWith("\uFEFF\"Enrollment\",\"Username\",\"Name\",\"Status\""), inEnglish);
        assertTrue(inEnglish.contains("\"25\",\"No\",\"" + P2 + "\"\r\n") && inEnglish.contains("\"In progress\""), inEnglish);
    }

    /** The cohort's JSON is written while it is read (CohortJson); it must be exactly what the record serializes to. */
    @Test
    void theCohortWrittenAsItIsReadIsExactlyTheCohortRecordAsJson() throws Exception {
        meetEveryIndicator();
        String other = "prog.quoted" + course;
        users.create(other, Roles.LEARNER);
        send(HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", other)), trainer);
        // quotes, a backslash, markup and control characters, which the JSON must escape as the serializer does
        new RowCounts(dataSource, List.of()).execute("UPDATE app_user SET display_name = '\"王\" \\ <script>' || CHR(1) || CHR(9) || '學員'"
                + " WHERE username = '" + other + "'");

        String streamed = http.toBlocking().retrieve(HttpRequest.GET("/api/courses/" + course + "/progress").bearerAuth(trainer));
        CourseProgress cohort = context.getBean(ProgressService.class).course(course, new Actor(0, "auditor", Set.of(Roles.ADMIN)));
        assertEquals(2, cohort.enrollments().size());
        assertNotNull(cohort.enrollments().stream().filter(row -> row.enrollmentId() == enrollment).findFirst().orElseThrow().completedAt());
        assertEquals(context.getBean(JsonMapper.class).writeValueAsString(cohort), streamed);
    }

    @Test
    void nobodyElseSeesTheProgress() {
        String stranger = users.tokenFor("prog.stranger", Roles.LEARNER);
        String otherTrainer = users.tokenFor("prog.other.trainer", Roles.TRAINER);

        assertEquals(HttpStatus.NOT_FOUND, refusal(HttpRequest.GET("/api/enrollments/" + enrollment + "/progress"), stranger).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, refusal(HttpRequest.GET("/api/courses/" + course + "/progress"), otherTrainer).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, refusal(HttpRequest.GET("/api/courses/" + course + "/progress"), learner).getStatus());
        assertEquals(4, ((Map<?, ?>) send(HttpRequest.GET("/api/enrollments/" + enrollment + "/progress"), trainer).get("summary")).get("indicatorsTotal"));
    }

    private long submit(String method, String... indicators) {
        StringBuilder claims = new StringBuilder();
        for (String indicator : indicators) {
            claims.append(claims.length() == 0 ? "" : ",").append('"').append(indicator).append('"');
        }
        MultipartBody body = MultipartBody.builder().addPart("metadata",
                "{\"method\":\"" + method + "\",\"title\":\"證據\",\"indicators\":[" + claims + "]}").build();
        return id(send(HttpRequest.POST("/api/enrollments/" + enrollment + "/evidence", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE), learner));
    }

    /** Observation of all four indicators and a portfolio for P2.3.1, every one judged MET. @return the observation */
    private long meetEveryIndicator() {
        long observation = submit("OBSERVATION", P1, P2, P3, P4);
        long portfolio = submit("PORTFOLIO", P1);
        send(HttpRequest.POST("/api/courses/" + course + "/judgements", List.of(
                Map.of("evidenceId", observation, "indicator", P1, "outcome", "MET"),
                Map.of("evidenceId", observation, "indicator", P2, "outcome", "MET"),
                Map.of("evidenceId", observation, "indicator", P3, "outcome", "MET"),
                Map.of("evidenceId", observation, "indicator", P4, "outcome", "MET"),
                Map.of("evidenceId", portfolio, "indicator", P1, "outcome", "MET"))), trainer);
        return observation;
    }

    private Map<String, Object> judge(long evidence, String indicator, String outcome) {
        return send(HttpRequest.POST("/api/evidence/" + evidence + "/judgements", Map.of("indicator", indicator, "outcome", outcome)), trainer);
    }

    private Map<String, Object> progress() {
        return send(HttpRequest.GET("/api/enrollments/" + enrollment + "/progress"), learner);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> indicator(String id) {
        return ((List<Map<String, Object>>) progress().get("indicators")).stream().filter(i -> i.get("id").equals(id)).findFirst().orElseThrow();
    }

    private Map<String, Object> send(MutableHttpRequest<?> request, String token) {
        return http.toBlocking().retrieve(request.bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private HttpClientResponseException refusal(MutableHttpRequest<?> request, String token) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request.bearerAuth(token)));
    }

    private static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }
}
