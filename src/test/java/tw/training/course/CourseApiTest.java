package tw.training.course;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.training.course.CourseApi.errorMessages;
import static tw.training.course.CourseApi.methodsByIndicator;

/** SPEC §3 through HTTP on a real database: building, publishing and revising plans, and who may. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CourseApiTest implements DatabaseTest {

    private static final List<String> PLAN_TABLES = List.of("course", "course_revision", "alignment", "plan_indicator",
            "plan_method", "course_module", "module_task", "course_trainer");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    private TestUsers users;
    private CourseApi tsai;
    private RowCounts rows;

    @BeforeAll
    void signIn() {
        users = TestUsers.of(context, http);
        tsai = new CourseApi(http, users.tokenFor("tsai.trainer", Roles.TRAINER));
        rows = new RowCounts(dataSource, PLAN_TABLES);
    }

    @Test
    void buildsAndPublishesAPlanAcrossTwoStandardsWithMethodsPerIndicator() {
        long course = tsai.complaintsCourse("CC-101");

        Map<String, Object> published = tsai.publish(course);

        assertEquals("PUBLISHED", published.get("status"));
        assertEquals(1, published.get("publishedRevision"));
        Map<String, List<String>> plan = methodsByIndicator(published);
        assertEquals(List.of("KPS5294-001v4:P2.3.1", "KPS5294-001v4:P2.3.2", "KPS5294-001v4:P2.3.3", "KPS5294-001v4:P2.3.4",
                "KPS5294-001v4:P2.4.1", "KPS5294-001v4:P2.4.3", "BAS1499-001v4:P2.2.1", "BAS1499-001v4:P2.2.2",
                "BAS1499-001v4:P2.2.3").stream().sorted().toList(), plan.keySet().stream().sorted().toList());
        assertEquals(List.of("OBSERVATION", "PORTFOLIO"), plan.get("KPS5294-001v4:P2.3.1"));
        assertEquals(List.of("ORAL_QUESTIONING"), plan.get("KPS5294-001v4:P2.3.2"));
        assertEquals(List.of("WORK_PRODUCT"), plan.get("KPS5294-001v4:P2.4.3"));
        assertEquals(List.of("THIRD_PARTY_REPORT"), plan.get("BAS1499-001v4:P2.2.2"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsAlignmentsWithTheirTasksAndTheChosenIndicators() {
        long course = tsai.complaintsCourse("CC-102");

        Map<String, Object> view = tsai.get("/api/courses/" + course);

        List<Map<String, Object>> alignments = (List<Map<String, Object>>) view.get("alignments");
        Map<String, Object> sales = alignments.stream().filter(a -> a.get("taskId").equals("KPS5294-001v4:T2.4")).findFirst().orElseThrow();
        assertEquals("完成銷售", sales.get("title"));
        assertEquals(false, sales.get("wholeTask"));
        assertEquals(List.of("P2.4.1", "P2.4.3"), sales.get("indicatorCodes"));
        assertEquals(2, ((List<?>) view.get("modules")).size());
        assertEquals("DRAFT", view.get("status"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void revisingAPublishedPlanOpensADraftAndLeavesThePublishedRevisionUnchanged() {
        long course = tsai.complaintsCourse("CC-103");
        tsai.publish(course);

        Map<String, Object> draft = tsai.setMethods(course, "KPS5294-001v4:P2.3.1", List.of("SIMULATION"));
        tsai.send(HttpRequest.DELETE("/api/courses/" + course + "/alignments/BAS1499-001v4:T2.2"));
        tsai.send(HttpRequest.PUT("/api/courses/" + course + "/modules/" + moduleId(draft, 1), Map.of("title", "客訴", "hours", 6,
                "tasks", List.of("KPS5294-001v4:T2.3"))));

        Map<String, Object> revision1 = tsai.get("/api/courses/" + course + "/revisions/1");
        Map<String, Object> revision2 = tsai.get("/api/courses/" + course + "/revisions/2");
        assertEquals(Map.of("number", 2, "status", "DRAFT"), pick((Map<String, Object>) draft.get("revision"), "number", "status"));
        assertEquals(List.of("OBSERVATION", "PORTFOLIO"), methodsByIndicator(revision1).get("KPS5294-001v4:P2.3.1"));
        assertEquals(9, methodsByIndicator(revision1).size());
        assertEquals(List.of("SIMULATION"), methodsByIndicator(revision2).get("KPS5294-001v4:P2.3.1"));
        assertEquals(6, methodsByIndicator(revision2).size());
        assertEquals(1, tsai.get("/api/courses/" + course).get("publishedRevision"));

        Map<String, Object> republished = tsai.publish(course);

        assertEquals(2, republished.get("publishedRevision"));
        assertEquals("SUPERSEDED", ((Map<String, Object>) tsai.get("/api/courses/" + course + "/revisions/1").get("revision")).get("status"));
        assertEquals(List.of("OBSERVATION", "PORTFOLIO"), methodsByIndicator(tsai.get("/api/courses/" + course + "/revisions/1"))
                .get("KPS5294-001v4:P2.3.1"));
    }

    @Test
    void publishingRefusesAnEmptyPlanAndIndicatorsWithoutMethodsNamingThem() {
        long empty = tsai.createId("CC-201", "空的課程");
        long noMethods = tsai.createId("CC-202", "沒有評量方法");
        tsai.align(noMethods, "KPS5294-001v4", "T2.4", List.of(), List.of("P2.4.2"));
        tsai.addModule(noMethods, "其他", 3, List.of("KPS5294-001v4:T1.1"));

        HttpClientResponseException nothing = tsai.refusal(HttpRequest.POST("/api/courses/" + empty + "/publish", Map.of()));
        HttpClientResponseException unassessed = tsai.refusal(HttpRequest.POST("/api/courses/" + noMethods + "/publish", Map.of()));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, nothing.getStatus());
        assertEquals(List.of("alignments: nothing is aligned yet: align at least one task"), errorMessages(nothing));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, unassessed.getStatus());
        assertEquals(List.of("plan: KPS5294-001v4:P2.4.2 has no assessment method",
                "modules[0].tasks: KPS5294-001v4:T1.1 of module '其他' is not aligned to the course"), errorMessages(unassessed));
        assertEquals("DRAFT", tsai.get("/api/courses/" + noMethods).get("status"));
    }

    @Test
    void refusesUnknownCodesAndMethodsNamingThemAndSavesNothing() {
        long course = tsai.createId("CC-301", "錯誤輸入");
        Map<String, Long> before = rows.now();

        HttpClientResponseException standard = tsai.refusal(alignment(course, "NOPE-001v1", "T1.1", List.of("OBSERVATION"), List.of()));
        HttpClientResponseException task = tsai.refusal(alignment(course, "KPS5294-001v4", "T9.9", List.of("OBSERVATION"), List.of()));
        HttpClientResponseException indicator = tsai.refusal(alignment(course, "KPS5294-001v4", "T2.3", List.of("OBSERVATION"),
                List.of("P2.3.1", "P9.9.9")));
        HttpClientResponseException method = tsai.refusal(alignment(course, "KPS5294-001v4", "T2.3", List.of("OBSERVATION", "TAROT"), List.of()));
        HttpClientResponseException module = tsai.refusal(HttpRequest.POST("/api/courses/" + course + "/modules",
                Map.of("title", "", "hours", -1, "tasks", List.of("KPS5294-001v4:T7.7"))));

        assertEquals(List.of("standardCode: no document NOPE-001v1 in the catalogue"), errorMessages(standard));
        assertEquals(List.of("taskCode: KPS5294-001v4 has no task T9.9"), errorMessages(task));
        assertEquals(List.of("indicatorCodes[1]: KPS5294-001v4:T2.3 has no indicator P9.9.9"), errorMessages(indicator));
        assertTrue(errorMessages(method).get(0).startsWith("methods[1]: 'TAROT' is not an assessment method"), errorMessages(method).toString());
        assertEquals(List.of("title", "hours", "tasks[0]"), errorMessages(module).stream().map(m -> m.substring(0, m.indexOf(':'))).toList());
        for (HttpClientResponseException refused : List.of(standard, task, indicator, method, module)) {
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        }
        assertEquals(before, rows.now());
    }

    @Test
    void refusesTheSameTaskTwiceAndAChangeToAPublishedPlanLeavesNoDraftBehind() {
        long course = tsai.createId("CC-302", "重複對應");
        tsai.align(course, "KPS5294-001v4", "T2.3", List.of("OBSERVATION"), List.of());
        tsai.publish(course);
        Map<String, Long> before = rows.now();

        HttpClientResponseException twice = tsai.refusal(alignment(course, "KPS5294-001v4", "T2.3", List.of("PORTFOLIO"), List.of()));

        assertEquals(HttpStatus.CONFLICT, twice.getStatus());
        assertEquals(before, rows.now(), "the draft opened for the change was rolled back with it");
        assertEquals(1, tsai.list("/api/courses/" + course + "/revisions").size());
    }

    @Test
    void aTakenCourseCodeIsAConflict() {
        tsai.create("CC-401", "第一");

        assertEquals(HttpStatus.CONFLICT, tsai.refusal(HttpRequest.POST("/api/courses",
                Map.of("code", "CC-401", "title", "第二", "hours", 3))).getStatus());
    }

    @Test
    void anotherTrainerCanNeitherReadNorChangeSomeoneElsesDraft() {
        long course = tsai.createId("CC-501", "私人草稿");
        CourseApi other = new CourseApi(http, users.tokenFor("other.trainer", Roles.TRAINER));

        assertEquals(HttpStatus.NOT_FOUND, other.refusal(HttpRequest.GET("/api/courses/" + course)).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, other.refusal(alignment(course, "KPS5294-001v4", "T2.3", List.of("OBSERVATION"), List.of())).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, other.refusal(HttpRequest.POST("/api/courses/" + course + "/publish", Map.of())).getStatus());
        assertTrue(other.list("/api/courses").stream().noneMatch(c -> c.get("code").equals("CC-501")));
    }

    @Test
    void aCoTrainerNamedByTheOwnerWorksOnTheCourseButCannotNameOthers() {
        long course = tsai.createId("CC-502", "共同授課");
        CourseApi co = new CourseApi(http, users.tokenFor("co.trainer", Roles.TRAINER));
        users.create("third.trainer", Roles.TRAINER);

        tsai.send(HttpRequest.POST("/api/courses/" + course + "/trainers", Map.of("username", "co.trainer")));

        assertEquals(List.of("co.trainer"), tsai.get("/api/courses/" + course).get("trainers"));
        co.align(course, "KPS5294-001v4", "T2.3", List.of("OBSERVATION"), List.of());
        assertTrue(co.list("/api/courses").stream().anyMatch(c -> c.get("code").equals("CC-502")));
        assertEquals(HttpStatus.FORBIDDEN, co.refusal(HttpRequest.POST("/api/courses/" + course + "/trainers",
                Map.of("username", "third.trainer"))).getStatus());
    }

    @Test
    void onlyTrainersAndAdministratorsCanBeNamedCoTrainers() {
        long course = tsai.createId("CC-503", "不收學員");
        users.create("named.learner", Roles.LEARNER);
        Map<String, Long> before = rows.now();

        HttpClientResponseException refused = tsai.refusal(HttpRequest.POST("/api/courses/" + course + "/trainers",
                Map.of("username", "named.learner")));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertTrue(refused.getResponse().getBody(String.class).orElse("").contains("\"field\":\"username\""));
        assertEquals(before, rows.now());
        users.create("named.admin", Roles.ADMIN);
        tsai.send(HttpRequest.POST("/api/courses/" + course + "/trainers", Map.of("username", "named.admin")));
        assertEquals(List.of("named.admin"), tsai.get("/api/courses/" + course).get("trainers"));
    }

    @Test
    void aLearnerCannotCreateNorSeeCourses() {
        CourseApi learner = new CourseApi(http, users.tokenFor("lin.learner", Roles.LEARNER));
        long course = tsai.createId("CC-601", "學員看不到");

        assertEquals(HttpStatus.FORBIDDEN, learner.refusal(HttpRequest.POST("/api/courses",
                Map.of("code", "L-1", "title", "x", "hours", 1))).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, learner.refusal(HttpRequest.GET("/api/courses/" + course)).getStatus());
    }

    @Test
    void anAdministratorSeesEveryCourse() {
        long course = tsai.createId("CC-701", "管理者可見");
        CourseApi admin = new CourseApi(http, users.tokenFor("ada.admin", Roles.ADMIN));

        assertEquals("CC-701", admin.get("/api/courses/" + course).get("code"));
        assertTrue(admin.list("/api/courses").stream().anyMatch(c -> c.get("code").equals("CC-701")));
    }

    @Test
    void anArchivedCourseNoLongerChanges() {
        long course = tsai.createId("CC-801", "封存");
        tsai.send(HttpRequest.POST("/api/courses/" + course + "/archive", Map.of()));

        assertEquals("ARCHIVED", tsai.get("/api/courses/" + course).get("status"));
        assertEquals(HttpStatus.CONFLICT, tsai.refusal(alignment(course, "KPS5294-001v4", "T2.3", List.of("OBSERVATION"), List.of())).getStatus());
    }

    private static io.micronaut.http.MutableHttpRequest<?> alignment(long course, String standard, String task, List<String> methods,
                                                                   List<String> indicators) {
        return HttpRequest.POST("/api/courses/" + course + "/alignments",
                Map.of("standardCode", standard, "taskCode", task, "methods", methods, "indicatorCodes", indicators));
    }

    @SuppressWarnings("unchecked")
    private static long moduleId(Map<String, Object> course, int position) {
        return ((List<Map<String, Object>>) course.get("modules")).stream().filter(m -> ((Number) m.get("position")).intValue() == position)
                .map(m -> ((Number) m.get("id")).longValue()).findFirst().orElseThrow();
    }

    private static Map<String, Object> pick(Map<String, Object> map, String... keys) {
        Map<String, Object> picked = new java.util.LinkedHashMap<>();
        for (String key : keys) {
            picked.put(key, map.get(key));
        }
        return picked;
    }
}
