package tw.training.admin;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.FormClient;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 30, point 8: an administrator lands on an overview, not on a trainer's list of courses: accounts per role, and
 * each course whose completed learners wait for a certificate, linked to where it is issued. Nobody else sees it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewPagesTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Test
    void anAdministratorLandsOnWhatAwaitsThem() {
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("overview.trainer", Roles.TRAINER);
        String admin = users.tokenFor("overview.admin", Roles.ADMIN);
        String learner = users.tokenFor("overview.learner", Roles.LEARNER);
        PortfolioCourse course = PortfolioCourse.publish(http, trainer, "OVERVIEW-1", "總覽課程");
        long enrollment = course.enroll("overview.learner");
        course.meet(course.submitPdf(learner, enrollment, "完整演練", PortfolioCourse.INDICATORS), PortfolioCourse.INDICATORS, "完整");
        String base = server.getURL().toString();
        FormClient administrator = new FormClient(base, "zh-TW").signIn("overview.admin", TestUsers.PASSWORD);

        HttpResponse<String> home = administrator.get("/home");
        assertEquals(303, home.statusCode());
        assertEquals("/admin", home.headers().firstValue("Location").orElseThrow());
        String overview = administrator.get("/admin").body();
        assertTrue(overview.contains("共 1 位學員已完成課程、尚未發給證書"), overview);
        assertTrue(overview.contains("href=\"/courses/" + course.id() + "/certificates\">總覽課程</a>"), overview);
        assertTrue(overview.contains("<strong>1</strong> 講師") && overview.contains("<strong>1</strong> 學員"), overview);

        PortfolioCourse.post(http, "/api/enrollments/" + enrollment + "/certificate", admin, Map.of());
        String after = administrator.get("/admin").body();
        assertTrue(after.contains("目前沒有等待發證的學員") && !after.contains("總覽課程"), after);
        assertTrue(new FormClient(base, "en").signIn("overview.admin", TestUsers.PASSWORD).get("/admin").body()
                .contains("No learner is waiting for a certificate"));

        FormClient teacher = new FormClient(base, "zh-TW").signIn("overview.trainer", TestUsers.PASSWORD);
        assertEquals(403, teacher.get("/admin").statusCode());
        assertEquals("/courses", teacher.get("/home").headers().firstValue("Location").orElseThrow());
        HttpResponse<String> student = new FormClient(base, "zh-TW").signIn("overview.learner", TestUsers.PASSWORD).get("/admin");
        assertEquals(403, student.statusCode());
        assertFalse(student.body().contains("待發證書"));
    }
}
