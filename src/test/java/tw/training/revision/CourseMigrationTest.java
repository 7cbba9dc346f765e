package tw.training.revision;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
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
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 35, build 3, on H2 and PostgreSQL: a course published on KPS5294-001v4 (T2.3 whole by portfolio, T2.4's
 * P2.4.1 by observation, a module on T2.3) moved through the confirmed crosswalk to v5 into a draft; the published plan
 * untouched; the draft's methods carried, PARTIAL and NEW flagged, NEW without a method so that publishing asks for
 * one; moving again changes nothing; refused through an unconfirmed crosswalk, for a stranger, for a course of another
 * document.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CourseMigrationTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    private String trainer;
    private String stranger;
    private long course;
    private long crosswalk;
    private RowCounts rows;

    @BeforeAll
    void aCourseOnV4AndAConfirmedCrosswalkToV5() {
        TestUsers users = TestUsers.of(context, http);
        trainer = users.tokenFor("migration.trainer", Roles.TRAINER);
        stranger = users.tokenFor("migration.stranger", Roles.TRAINER);
        rows = new RowCounts(dataSource, List.of());
        http.toBlocking().exchange(HttpRequest.POST("/api/standards", RevisedStandard.v5()).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(trainer));
        course = PortfolioCourse.id(PortfolioCourse.post(http, "/api/courses", trainer, Map.of("code", "MIGRATE-1", "title", "客訴處理", "hours", 12)));
        PortfolioCourse.post(http, "/api/courses/" + course + "/alignments", trainer, Map.of("standardCode", "KPS5294-001v4", "taskCode", "T2.3",
                "methods", List.of("PORTFOLIO")));
        PortfolioCourse.post(http, "/api/courses/" + course + "/alignments", trainer, Map.of("standardCode", "KPS5294-001v4", "taskCode", "T2.4",
                "methods", List.of("OBSERVATION"), "indicatorCodes", List.of("P2.4.1")));
        PortfolioCourse.post(http, "/api/courses/" + course + "/modules", trainer, Map.of("title", "客訴處理演練", "hours", 6,
                "tasks", List.of("KPS5294-001v4:T2.3")));
        PortfolioCourse.post(http, "/api/courses/" + course + "/publish", trainer, Map.of());
        crosswalk = PortfolioCourse.id(PortfolioCourse.post(http, "/api/crosswalks", trainer, Map.of("from", "KPS5294-001v4", "to", "KPS5294-001v5")));
    }

    private Map<String, Object> migrate(String token) {
        return PortfolioCourse.post(http, "/api/courses/" + course + "/migration", token, Map.of("crosswalk", crosswalk));
    }

    private int refusal(String token, Map<String, Object> body) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course
                + "/migration", body).bearerAuth(token))).code();
    }

    @Test
    @Order(1)
    void onlyThroughAConfirmedCrosswalkAndOnlyByTheCoursesTrainers() {
        assertEquals(409, refusal(trainer, Map.of("crosswalk", crosswalk)), "the crosswalk is only proposed");
        assertEquals("1", rows.single("SELECT COUNT(*) FROM course_revision WHERE course_id = " + course), "no draft opened for nothing");
        PortfolioCourse.post(http, "/api/crosswalks/" + crosswalk + "/confirmation", trainer, Map.of());
        assertEquals(404, refusal(stranger, Map.of("crosswalk", crosswalk)));
        assertEquals(422, refusal(trainer, Map.of()));
        assertEquals(404, refusal(trainer, Map.of("crosswalk", 999_999)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> planOf(Map<String, Object> view) {
        Map<String, Map<String, Object>> plan = new TreeMap<>();
        ((List<Map<String, Object>>) view.get("plan")).forEach(p -> plan.put((String) p.get("id"), p));
        return plan;
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void theDraftIsAlignedToTheNewerVersionWithWhatCarriesCarriedAndTheRestFlagged() {
        Map<String, Object> draft = migrate(trainer);
        assertEquals(2, ((Map<String, Object>) draft.get("revision")).get("number"));
        assertEquals(List.of("KPS5294-001v5:T2.3", "KPS5294-001v5:T2.4"),
                ((List<Map<String, Object>>) draft.get("alignments")).stream().map(a -> a.get("taskId")).toList());
        Map<String, Map<String, Object>> plan = planOf(draft);
        assertEquals(List.of("KPS5294-001v5:P2.3.1", "KPS5294-001v5:P2.3.2", "KPS5294-001v5:P2.3.3", "KPS5294-001v5:P2.3.4",
                "KPS5294-001v5:P2.3.5", "KPS5294-001v5:P2.4.1"), List.copyOf(plan.keySet()));
        assertEquals(List.of("PORTFOLIO"), plan.get("KPS5294-001v5:P2.3.1").get("requiredMethods"));
        assertNull(plan.get("KPS5294-001v5:P2.3.1").get("review"), "EQUIVALENT: carried, nothing to review");
        assertEquals(List.of("PORTFOLIO"), plan.get("KPS5294-001v5:P2.3.4").get("requiredMethods"), "P2.3.3 renumbered");
        for (String split : List.of("KPS5294-001v5:P2.3.2", "KPS5294-001v5:P2.3.3")) {
            assertEquals(List.of("PORTFOLIO"), plan.get(split).get("requiredMethods"));
            Map<String, Object> review = (Map<String, Object>) plan.get(split).get("review");
            assertEquals("PARTIAL", review.get("reason"));
            assertEquals("KPS5294-001v4:P2.3.2", review.get("from"));
        }
        assertEquals(List.of(), plan.get("KPS5294-001v5:P2.3.5").get("requiredMethods"), "NEW: no method");
        assertEquals("NEW", ((Map<String, Object>) plan.get("KPS5294-001v5:P2.3.5").get("review")).get("reason"));
        assertEquals(List.of("OBSERVATION"), plan.get("KPS5294-001v5:P2.4.1").get("requiredMethods"));
        assertEquals(1, plan.values().stream().filter(p -> ((String) p.get("id")).startsWith("KPS5294-001v5:P2.4")).count(),
                "T2.4 was aligned for P2.4.1 alone: its other indicators stay out");
        assertEquals(List.of("KPS5294-001v5:T2.3"), ((List<Map<String, Object>>) draft.get("modules")).get(0).get("tasks"));

        // the builder shows the trainer what to look at, in either language
        String base = context.getBean(io.micronaut.runtime.server.EmbeddedServer.class).getURL().toString();
        String zh = new tw.training.testing.FormClient(base, "zh-TW").signIn("migration.trainer", TestUsers.PASSWORD).get("/courses/" + course).body();
        assertTrue(zh.contains("id=\"review-KPS5294-001v5:P2.3.2\"") && zh.contains("待審閱：部分相當") && zh.contains("由 KPS5294-001v4:P2.3.2 轉來")
                && zh.contains("待審閱：新版新增"), zh);
        String en = new tw.training.testing.FormClient(base, "en").signIn("migration.trainer", TestUsers.PASSWORD).get("/courses/" + course).body();
        assertTrue(en.contains("To review: partly equivalent") && en.contains("To review: new in this version"), en);

        // the published plan, which enrolled learners follow, is as it was
        Map<String, Object> published = http.toBlocking().retrieve(HttpRequest.GET("/api/courses/" + course + "/revisions/1").bearerAuth(trainer), Map.class);
        assertTrue(planOf(published).keySet().stream().allMatch(id -> id.startsWith("KPS5294-001v4:")), planOf(published).keySet().toString());
    }

    @Test
    @Order(3)
    void movingAgainChangesNothingAndPublishingAsksForTheNewIndicatorsMethod() {
        String before = rows.single("SELECT COUNT(*) FROM plan_indicator") + "/" + rows.single("SELECT COUNT(*) FROM plan_method") + "/"
                + rows.single("SELECT COUNT(*) FROM plan_review") + "/" + rows.single("SELECT COUNT(*) FROM course_revision");
        migrate(trainer);
        assertEquals(before, rows.single("SELECT COUNT(*) FROM plan_indicator") + "/" + rows.single("SELECT COUNT(*) FROM plan_method") + "/"
                + rows.single("SELECT COUNT(*) FROM plan_review") + "/" + rows.single("SELECT COUNT(*) FROM course_revision"));

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/courses/" + course + "/publish", Map.of()).bearerAuth(trainer)));
        assertEquals(422, refused.code());
        assertTrue(refused.getResponse().getBody(String.class).orElse("").contains("P2.3.5"));

        http.toBlocking().exchange(HttpRequest.PUT("/api/courses/" + course + "/plan/KPS5294-001v5:P2.3.5", Map.of("methods", List.of("OBSERVATION")))
                .bearerAuth(trainer));
        Map<String, Object> published = PortfolioCourse.post(http, "/api/courses/" + course + "/publish", trainer, Map.of());
        assertNull(planOf(published).get("KPS5294-001v5:P2.3.5").get("review"), "its methods set, the flag is gone");
        assertEquals(2, published.get("publishedRevision"));
    }

    @Test
    @Order(4)
    void aCourseOfAnotherDocumentHasNothingToMove() {
        long other = PortfolioCourse.id(PortfolioCourse.post(http, "/api/courses", trainer, Map.of("code", "MIGRATE-2", "title", "行銷", "hours", 3)));
        PortfolioCourse.post(http, "/api/courses/" + other + "/alignments", trainer, Map.of("standardCode", "KMM5R0915v2", "taskCode", "T1",
                "methods", List.of("PORTFOLIO")));
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/courses/" + other + "/migration", Map.of("crosswalk", crosswalk)).bearerAuth(trainer)));
        assertEquals(422, refused.code());
    }
}
