package tw.training.enrollment;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.course.CourseFixtures;
import tw.training.testing.DatabaseTest;
import tw.training.testing.Parallel;
import tw.training.testing.TestUsers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC §4 enrollments: one by one, from a CSV, and who sees them. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentApiTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private TestUsers users;
    private String trainer;
    private long course;

    @BeforeAll
    void publishACourse() {
        users = TestUsers.of(context, http);
        trainer = users.tokenFor("enrol.trainer", Roles.TRAINER);
        course = CourseFixtures.publishedComplaintsCourse(http, trainer, "EN-101", "招生");
    }

    @Test
    @SuppressWarnings("unchecked")
    void enrollsALearnerOnTheCurrentRevisionAndShowsItToThemOnly() {
        String learner = users.tokenFor("mei.learner", Roles.LEARNER);
        String stranger = users.tokenFor("stranger.learner", Roles.LEARNER);

        Map<String, Object> enrollment = send(HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", "mei.learner")), trainer);

        assertEquals("ACTIVE", enrollment.get("status"));
        assertEquals(1, enrollment.get("revision"));
        assertEquals("mei.learner", ((Map<String, Object>) enrollment.get("learner")).get("username"));
        List<Object> mine = http.toBlocking().retrieve(HttpRequest.GET("/api/me/enrollments").bearerAuth(learner), Argument.listOf(Object.class));
        assertEquals(1, mine.size());
        assertEquals("EN-101", ((Map<String, Object>) ((Map<String, Object>) mine.get(0)).get("course")).get("code"));
        assertEquals(HttpStatus.NOT_FOUND, refusal(HttpRequest.GET("/api/enrollments/" + enrollment.get("id")), stranger).getStatus());
        assertEquals(HttpStatus.CONFLICT, refusal(HttpRequest.POST("/api/courses/" + course + "/enrollments",
                Map.of("username", "mei.learner")), trainer).getStatus());
    }

    @Test
    void twentyEnrollmentsOfOneLearnerAtOnceGiveOneEnrollmentAndConflicts() throws Exception {
        users.create("race.enrollee", Roles.LEARNER);

        List<Integer> statuses = Parallel.run(20, client -> {
            try {
                return http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course + "/enrollments",
                        Map.of("username", "race.enrollee")).bearerAuth(trainer)).getStatus().getCode();
            } catch (HttpClientResponseException e) {
                return e.getStatus().getCode();
            }
        });

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLearnerReadsTheCourseAsTheirEnrollmentJoinedItAndNothingOfOthers() {
        long own = CourseFixtures.publishedComplaintsCourse(http, trainer, "EN-202", "客訴處理");
        String learner = users.tokenFor("course.reader", Roles.LEARNER);
        users.create("course.classmate", Roles.LEARNER);
        long enrollment = ((Number) send(HttpRequest.POST("/api/courses/" + own + "/enrollments", Map.of("username", "course.reader")), trainer)
                .get("id")).longValue();
        long classmate = ((Number) send(HttpRequest.POST("/api/courses/" + own + "/enrollments", Map.of("username", "course.classmate")), trainer)
                .get("id")).longValue();
        send(HttpRequest.POST("/api/courses/" + own + "/modules", Map.of("title", "草擬中的單元", "hours", 2, "tasks", List.of())), trainer);

        Map<String, Object> course = send(HttpRequest.GET("/api/enrollments/" + enrollment + "/course"), learner);

        assertEquals("EN-202", course.get("code"));
        assertEquals(1, ((Map<String, Object>) course.get("revision")).get("number"), "the revision joined, not the trainers' draft");
        List<Map<String, Object>> modules = (List<Map<String, Object>>) course.get("modules");
        assertEquals(List.of("客訴處理", "完成銷售"), modules.stream().map(m -> m.get("title")).toList());
        List<Map<String, Object>> plan = (List<Map<String, Object>>) course.get("plan");
        assertTrue(plan.stream().anyMatch(i -> "KPS5294-001v4:P2.3.2".equals(i.get("id"))
                && ((List<String>) i.get("requiredMethods")).contains("ORAL_QUESTIONING")), "the plan with its methods: " + plan);
        assertFalse(course.toString().contains("course.classmate"), "nothing of other learners");
        assertEquals(2, ((Map<String, Object>) send(HttpRequest.GET("/api/courses/" + own), trainer).get("revision")).get("number"),
                "the trainers see their draft");
        assertEquals(course.get("plan"), send(HttpRequest.GET("/api/enrollments/" + enrollment + "/course"), trainer).get("plan"));
        assertEquals(HttpStatus.NOT_FOUND, refusal(HttpRequest.GET("/api/enrollments/" + classmate + "/course"), learner).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, refusal(HttpRequest.GET("/api/enrollments/" + enrollment + "/course"),
                users.tokenFor("course.outsider", Roles.TRAINER)).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, refusal(HttpRequest.GET("/api/courses/" + own), learner).getStatus(), "the trainers' view stays theirs");
    }

    @Test
    void refusesUnpublishedCoursesAndUsersWhoAreNoLearners() {
        long draft = ((Number) send(HttpRequest.POST("/api/courses", Map.of("code", "EN-DRAFT", "title", "草稿", "hours", 3)), trainer)
                .get("id")).longValue();
        users.create("just.trainer", Roles.TRAINER);
        users.create("draft.learner", Roles.LEARNER);

        assertEquals(HttpStatus.CONFLICT, refusal(HttpRequest.POST("/api/courses/" + draft + "/enrollments",
                Map.of("username", "draft.learner")), trainer).getStatus());
        HttpClientResponseException notALearner = refusal(HttpRequest.POST("/api/courses/" + course + "/enrollments",
                Map.of("username", "just.trainer")), trainer);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, notALearner.getStatus());
        assertEquals(HttpStatus.NOT_FOUND, refusal(HttpRequest.POST("/api/courses/" + course + "/enrollments",
                Map.of("username", "draft.learner")), users.tokenFor("other.trainer", Roles.TRAINER)).getStatus());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCsvEnrollsItsValidRowsAndSaysWhyTheOthersFailed() {
        users.create("csv.one", Roles.LEARNER);
        users.create("csv.two", Roles.LEARNER);
        users.create("csv.trainer", Roles.TRAINER);
        String csv = "\uFEFFusername\r\ncsv.one\r\nnobody.here\r\n\"csv.two\",extra\r\ncsv.trainer\r\ncsv.one\r\n";

        Map<String, Object> report = send(HttpRequest.POST("/api/courses/" + course + "/enrollments/bulk", csv)
                .contentType("text/csv"), trainer);

        assertEquals(2, report.get("enrolled"));
        assertEquals(3, report.get("failed"));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("rows");
        assertEquals(List.of("2 csv.one true", "3 nobody.here false", "4 csv.two true", "5 csv.trainer false", "6 csv.one false"),
                rows.stream().map(r -> r.get("line") + " " + r.get("username") + " " + r.get("enrolled")).toList());
        assertEquals("no user nobody.here", rows.get(1).get("reason"));
    }

    /** Found by FuzzTest on PostgreSQL, which stores no NUL: such a row is refused in the report, never a 500. */
    @Test
    @SuppressWarnings("unchecked")
    void aRowWithAControlCharacterIsRefusedInTheReport() {
        users.create("csv.plain", Roles.LEARNER);
        String csv = "csv.pl\u0000ain\ncsv.plain\n";

        Map<String, Object> report = send(HttpRequest.POST("/api/courses/" + course + "/enrollments/bulk", csv).contentType("text/csv"), trainer);

        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("rows");
        assertEquals(List.of("1 csv.pl?ain false", "2 csv.plain true"),
                rows.stream().map(r -> r.get("line") + " " + r.get("username") + " " + r.get("enrolled")).toList());
        assertTrue(((String) rows.get(0).get("reason")).startsWith("the username contains"), (String) rows.get(0).get("reason"));
    }

    /** Issue 28, point 15: a roster is read as CSV is written, quoted commas, quotes and line breaks included. */
    @Test
    @SuppressWarnings("unchecked")
    void aRosterWithQuotedCommasQuotesAndLineBreaksEnrollsEachRowFromItsColumn() {
        users.create("quoted.one", Roles.LEARNER);
        users.create("quoted.two", Roles.LEARNER);
        users.create("quoted.three", Roles.LEARNER);
        String csv = "姓名,帳號,備註\r\n\"王, 小明\",quoted.one,\r\n\"林\"\"阿明\"\"\",quoted.two,\"A, B\"\r\n\"多行\r\n名字\",quoted.three,\r\n";

        Map<String, Object> report = send(HttpRequest.POST("/api/courses/" + course + "/enrollments/bulk", csv).contentType("text/csv"), trainer);

        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("rows");
        assertEquals(List.of("2 quoted.one true", "3 quoted.two true", "4 quoted.three true"),
                rows.stream().map(r -> r.get("line") + " " + r.get("username") + " " + r.get("enrolled")).toList());
    }

    @Test
    void aRosterWithAQuoteLeftOpenIsRefusedNamingItsLine() {
        String csv = "帳號\r\nopen.one\r\n\"open.two\r\nopen.three\r\n";

        HttpClientResponseException refused = refusal(HttpRequest.POST("/api/courses/" + course + "/enrollments/bulk", csv).contentType("text/csv"), trainer);

        assertEquals(422, refused.getStatus().getCode());
        String body = refused.getResponse().getBody(String.class).orElse("");
        assertTrue(body.contains("\"line\":3") && body.contains("not closed"), body);
    }

    @Test
    void aRosterFromExcelInBig5WithChineseHeadersOrSentAsAFormFileEnrolls() {
        users.create("big5.one", Roles.LEARNER);
        users.create("form.one", Roles.LEARNER);
        byte[] big5 = "姓名,帳號\r\n王小明,big5.one\r\n".getBytes(java.nio.charset.Charset.forName("Big5"));
        MultipartBody form = MultipartBody.builder().addPart("file", "名單.csv", MediaType.of("text/csv"),
                "\uFEFF帳號\r\nform.one\r\n".getBytes(StandardCharsets.UTF_8)).build();

        Map<String, Object> fromExcel = send(HttpRequest.POST("/api/courses/" + course + "/enrollments/bulk", big5).contentType("text/csv"), trainer);
        Map<String, Object> fromForm = send(HttpRequest.POST("/api/courses/" + course + "/enrollments/bulk", form)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE), trainer);

        assertEquals(1, fromExcel.get("enrolled"), fromExcel.toString());
        assertEquals(0, fromExcel.get("failed"), fromExcel.toString());
        assertEquals(1, fromForm.get("enrolled"), fromForm.toString());
    }

    private Map<String, Object> send(MutableHttpRequest<?> request, String token) {
        return http.toBlocking().retrieve(request.bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private HttpClientResponseException refusal(MutableHttpRequest<?> request, String token) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request.bearerAuth(token)));
    }
}
