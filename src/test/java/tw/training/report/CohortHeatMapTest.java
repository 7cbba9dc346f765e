package tw.training.report;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
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
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 30, point 6, from the database up: a learner's partial progress (one indicator met, one awaiting judgement,
 * one judged not yet, one untouched) in the report's JSON and on the cohort page's heat map, whose rows carry display
 * names and whose legend is in the page's language.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortHeatMapTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private PortfolioCourse course;
    private String admin;

    @BeforeAll
    void aLearnerHalfWay() {
        TestUsers users = TestUsers.of(context, http);
        course = PortfolioCourse.publish(http, users.tokenFor("heat.trainer", Roles.TRAINER), "HEAT-1", "客訴處理實務");
        admin = users.tokenFor("heat.admin", Roles.ADMIN);
        String learner = users.tokenFor("heat.learner", Roles.LEARNER);
        long enrollment = course.enroll("heat.learner");
        long first = course.submitPdf(learner, enrollment, "第一次", List.of("P2.3.1", "P2.3.3"));
        course.judge(first, "P2.3.1", "MET", "好");
        course.judge(first, "P2.3.3", "NOT_YET", "再試");
        course.submitPdf(learner, enrollment, "第二次", List.of("P2.3.2"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportSaysWhatIsAwaitingAndWhatWasJudgedNotYet() {
        Map<String, Object> report = http.toBlocking().retrieve(HttpRequest.GET("/api/reports/certification?courseId=" + course.id())
                .accept(MediaType.APPLICATION_JSON).bearerAuth(admin), Argument.mapOf(String.class, Object.class));
        Map<String, Object> line = ((List<Map<String, Object>>) report.get("enrollments")).get(0);
        assertEquals(List.of("KPS5294-001v4:P2.3.1"), line.get("metIndicators"));
        assertEquals(List.of("KPS5294-001v4:P2.3.2"), line.get("awaitingIndicators"));
        assertEquals(List.of("KPS5294-001v4:P2.3.3"), line.get("notYetIndicators"));
    }

    @Test
    void theCohortPagesHeatMapShowsItInThePagesLanguage() {
        FormClient trainer = new FormClient(server.getURL().toString(), "zh-TW").signIn("heat.trainer", TestUsers.PASSWORD);
        String page = trainer.get("/courses/" + course.id() + "/progress").body();
        String map = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
        assertTrue(map.contains(">測試 heat.learner</text>"), "the row is the learner's display name");
        String cells = map.substring(map.indexOf("<g class=\"cells\""), map.indexOf("<g class=\"rows\""));
        for (String colour : List.of(HeatMap.MET, HeatMap.AWAITING, HeatMap.NOT_YET)) {
            assertEquals(1, cells.split(colour, -1).length - 1, colour + " once: " + cells);
        }
        assertTrue(map.contains(">達成</text>") && map.contains(">待評量</text>") && map.contains(">尚未達成</text>") && map.contains(">尚無證據</text>"), map);
        assertFalse(map.contains("Met") || map.contains("met by"), "no English in a Chinese page's legend");

        FormClient english = new FormClient(server.getURL().toString(), "en").signIn("heat.trainer", TestUsers.PASSWORD);
        String englishMap = english.get("/courses/" + course.id() + "/progress").body();
        assertTrue(englishMap.contains(">Awaiting judgement</text>") && !englishMap.contains(">待評量</text>"), "the legend in English");
    }
}
