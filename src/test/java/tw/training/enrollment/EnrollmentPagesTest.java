package tw.training.enrollment;

import io.micronaut.context.ApplicationContext;
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
import tw.training.testing.FormClient.Part;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A course's learners page (issue 16): find a learner by name or username and enroll them, a second time refused
 * with why, a roster in Big5 enrolled with the result of each row; without the form's token nothing happens; another
 * trainer finds no such course, a learner is refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentPagesTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private String page;
    private FormClient trainer;
    private FormClient stranger;
    private FormClient learner;

    @BeforeAll
    void published() {
        TestUsers users = TestUsers.of(context, http);
        PortfolioCourse course = PortfolioCourse.publish(http, users.tokenFor("roster.trainer", Roles.TRAINER), "ROSTER-1", "客訴處理實務");
        page = "/courses/" + course.id() + "/enrollments";
        users.create("roster.stranger", Roles.TRAINER);
        for (String name : List.of("roster.amy", "roster.ben", "roster.cai", "roster.dan")) {
            users.create(name, Roles.LEARNER);
        }
        String base = server.getURL().toString();
        trainer = new FormClient(base, "zh-TW").signIn("roster.trainer", TestUsers.PASSWORD);
        stranger = new FormClient(base, "zh-TW").signIn("roster.stranger", TestUsers.PASSWORD);
        learner = new FormClient(base, "zh-TW").signIn("roster.amy", TestUsers.PASSWORD);
    }

    @Test
    void aLearnerFoundByUsernameIsEnrolledOnceAndTheSecondTimeRefusedWithWhy() {
        String found = trainer.get(page + "?q=roster.b").body();
        assertTrue(found.contains("value=\"roster.ben\"") && !found.contains("value=\"roster.cai\""), "the search finds the learner");
        HttpResponse<String> enrolled = trainer.post(page, form("username", "roster.ben"));
        assertEquals(303, enrolled.statusCode(), enrolled.body());
        String after = trainer.get(enrolled.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(after.contains("class=\"notice\"") && after.contains("<td>roster.ben</td>"), "enrolled and listed");

        HttpResponse<String> again = trainer.post(page, form("username", "roster.ben"));
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("id=\"username-error\""), "why, beside the search");
    }

    @Test
    void aRosterInBig5IsEnrolledRowByRow() {
        byte[] csv = "帳號,姓名\nroster.cai,蔡同學\nroster.dan,丁同學\nno.such.learner,無此人\n".getBytes(Charset.forName("Big5"));
        HttpResponse<String> report = trainer.postMultipart(page + "/roster", List.of(Part.field("_csrf", trainer.token()),
                new Part("file", "roster.csv", "text/csv", csv)));
        assertEquals(200, report.statusCode(), report.body());
        assertTrue(report.body().contains("id=\"roster-report\""));
        assertEquals(2, count(report.body(), "status status-met"), "two rows enrolled");
        assertTrue(report.body().contains("no.such.learner"), "the row that failed, with its reason");

        HttpResponse<String> forged = trainer.postMultipart(page + "/roster", List.of(new Part("file", "roster.csv", "text/csv",
                "roster.amy\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals(403, forged.statusCode());
        assertFalse(trainer.get(page).body().contains("<td>roster.amy</td>"), "nothing enrolled without the token");
    }

    @Test
    void anotherTrainerFindsNoSuchCourseAndALearnerIsRefused() {
        assertEquals(404, stranger.get(page).statusCode());
        assertEquals(404, stranger.post(page, List.of(Map.entry("_csrf", stranger.token()), Map.entry("username", "roster.dan"))).statusCode());
        assertEquals(403, learner.get(page).statusCode());
        assertEquals(403, learner.post(page, List.of(Map.entry("_csrf", learner.token()), Map.entry("username", "roster.amy"))).statusCode());
        assertEquals(403, learner.postMultipart(page + "/roster", List.of(Part.field("_csrf", learner.token()),
                new Part("file", "roster.csv", "text/csv", "roster.amy\n".getBytes(StandardCharsets.UTF_8)))).statusCode());
    }

    private List<Map.Entry<String, String>> form(String name, String value) {
        return List.of(Map.entry("_csrf", trainer.token()), Map.entry(name, value));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
