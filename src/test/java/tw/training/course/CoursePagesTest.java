package tw.training.course;

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
import tw.training.testing.TestUsers;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The course builder through plain form posts (issue 16): create a course, align a task, fail to publish with the
 * faults listed and linked, set methods for a whole task and for one indicator, modules, co-trainers, publish, the
 * dossier; another trainer's course is not found, and a learner is refused every page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoursePagesTest implements DatabaseTest {

    private static final Pattern COURSE = Pattern.compile("/courses/(\\d+)");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private FormClient trainer;
    private FormClient stranger;
    private FormClient learner;

    @BeforeAll
    void signedIn() {
        TestUsers users = TestUsers.of(context, http);
        users.create("builder.trainer", Roles.TRAINER);
        users.create("builder.cotrainer", Roles.TRAINER);
        users.create("builder.stranger", Roles.TRAINER);
        users.create("builder.learner", Roles.LEARNER);
        String base = server.getURL().toString();
        trainer = new FormClient(base, "zh-TW").signIn("builder.trainer", TestUsers.PASSWORD);
        stranger = new FormClient(base, "zh-TW").signIn("builder.stranger", TestUsers.PASSWORD);
        learner = new FormClient(base, "zh-TW").signIn("builder.learner", TestUsers.PASSWORD);
    }

    @Test
    void aTrainerBuildsAndPublishesACourseThroughTheForms() {
        HttpResponse<String> untitled = trainer.postForm("/courses", "code", "BUILD-1", "title", "", "hours", "6");
        assertEquals(422, untitled.statusCode());
        assertTrue(untitled.body().contains("id=\"title-error\""), "the reason beside the title");
        assertTrue(untitled.body().contains("名稱 須為 1 至 300 個字元"), "in the page's language, the field named in words");
        assertTrue(untitled.body().contains("value=\"BUILD-1\""), "the form as it was filled");

        HttpResponse<String> created = trainer.postForm("/courses", "code", "BUILD-1", "title", "客訴處理實務", "hours", "6");
        assertEquals(303, created.statusCode(), created.body());
        Matcher id = COURSE.matcher(created.headers().firstValue("Location").orElseThrow());
        assertTrue(id.matches());
        String course = "/courses/" + id.group(1);
        assertTrue(trainer.get("/courses").body().contains("href=\"" + course + "\""), "listed among my courses");

        // issue 30, point 4: a task aligned with no method ticked is refused; then aligned; its table refuses an indicator left
        // without a method, beside it, keeping every box as ticked; the API may still clear one (an API client's choice)
        HttpResponse<String> noMethod = trainer.postForm(course + "/alignments", "standardCode", "KPS5294-001v4", "taskCode", "T2.3");
        assertEquals(422, noMethod.statusCode());
        assertTrue(noMethod.body().contains("請為此任務的行為指標至少勾選一種評量方式"), "the reason");
        assertEquals(303, trainer.postForm(course + "/alignments", "standardCode", "KPS5294-001v4", "taskCode", "T2.3", "methods", "PORTFOLIO").statusCode());
        HttpResponse<String> leftEmpty = trainer.postForm(course + "/methods", "task", "KPS5294-001v4:T2.3", "methods:KPS5294-001v4:P2.3.2", "OBSERVATION",
                "methods:KPS5294-001v4:P2.3.3", "PORTFOLIO", "methods:KPS5294-001v4:P2.3.4", "PORTFOLIO");
        assertEquals(422, leftEmpty.statusCode());
        assertTrue(leftEmpty.body().contains("id=\"methods-KPS5294-001v4:P2.3.1-error\"") && leftEmpty.body().contains("P2.3.1 至少須有一種評量方式"),
                "the indicator without a method, refused beside it");
        assertTrue(leftEmpty.body().contains("name=\"methods:KPS5294-001v4:P2.3.2\" value=\"OBSERVATION\" checked"), "the boxes as they were ticked");
        assertTrue(trainer.get(course).body().contains("name=\"methods:KPS5294-001v4:P2.3.2\" value=\"PORTFOLIO\" checked"), "nothing saved");
        http.toBlocking().exchange(io.micronaut.http.HttpRequest.PUT("/api" + course + "/plan/KPS5294-001v4:P2.3.1", Map.of("methods", List.of()))
                .bearerAuth(TestUsers.of(context, http).login("builder.trainer", TestUsers.PASSWORD)));
        HttpResponse<String> keptForm = trainer.postForm("/courses/alignment", "course", id.group(1), "standardCode", "KPS5294-001v4", "taskCode", "T2.4",
                "indicatorCodes", "P2.4.3");
        assertEquals(422, keptForm.statusCode());
        assertTrue(keptForm.body().contains("value=\"" + id.group(1) + "\" selected") && keptForm.body().contains("value=\"P2.4.3\" checked"),
                "the refused form keeps the course chosen and the indicators ticked");
        // a task picked on a document's page, two of its indicators ticked
        assertTrue(trainer.get("/catalogue/KPS5294-001v4").body().contains("/courses/alignment?standardCode=KPS5294-001v4&amp;taskCode=T2.4"));
        assertTrue(trainer.get("/courses/alignment?standardCode=KPS5294-001v4&taskCode=T2.4").body().contains("value=\"" + id.group(1) + "\""));
        HttpResponse<String> picked = trainer.postForm("/courses/alignment", "course", id.group(1), "standardCode", "KPS5294-001v4", "taskCode", "T2.4",
                "indicatorCodes", "P2.4.1", "indicatorCodes", "P2.4.3", "methods", "WORK_PRODUCT");
        assertEquals(303, picked.statusCode(), picked.body());
        assertTrue(trainer.get(course).body().contains("P2.4.1、P2.4.3"), "aligned in part from the document's page");
        assertEquals(404, stranger.postForm("/courses/alignment", "course", id.group(1), "standardCode", "KPS5294-001v4", "taskCode", "T2.5")
                .statusCode(), "not into another trainer's course");
        assertEquals(303, trainer.postForm(course + "/alignments/removal", "task", "KPS5294-001v4:T2.4").statusCode());
        // issue 30, point 4: codes typed without regard to case find the task and its indicators, recorded as the catalogue has them
        assertEquals(303, trainer.postForm(course + "/alignments", "standardCode", "kps5294-001V4", "taskCode", "t2.4", "indicatorCodes", "p2.4.1",
                "methods", "PORTFOLIO").statusCode());
        assertTrue(trainer.get(course).body().contains("KPS5294-001v4:T2.4"), "the catalogue's own codes");
        assertEquals(303, trainer.postForm(course + "/alignments/removal", "task", "KPS5294-001v4:T2.4").statusCode());
        String coverage = trainer.get(course + "/coverage").body();
        assertTrue(coverage.contains("id=\"without-method\"") && coverage.contains("KPS5294-001v4:P2.3.1"), "the indicators without a method");
        HttpResponse<String> faults = trainer.postForm(course + "/publication");
        assertEquals(422, faults.statusCode());
        assertTrue(faults.body().contains("id=\"faults\""), "every fault listed");
        assertTrue(faults.body().contains("<a href=\"#plan\">KPS5294-001v4:P2.3.1 沒有評量方式</a>"), "and linked to where it is mended");

        assertEquals(303, trainer.postForm(course + "/methods", "task", "KPS5294-001v4:T2.3", "methods:KPS5294-001v4:P2.3.1", "OBSERVATION",
                "methods:KPS5294-001v4:P2.3.1", "PORTFOLIO", "methods:KPS5294-001v4:P2.3.2", "PORTFOLIO", "methods:KPS5294-001v4:P2.3.3", "PORTFOLIO",
                "methods:KPS5294-001v4:P2.3.4", "PORTFOLIO").statusCode());
        String page = trainer.get(course).body();
        assertEquals(4, count(page, "value=\"PORTFOLIO\" checked"), "the four indicators of T2.3 by portfolio, saved at once");
        assertEquals(1, count(page, "value=\"OBSERVATION\" checked"), "one by observation as well");

        HttpResponse<String> manyHours = trainer.postForm(course + "/modules", "title", "演練", "hours", "many", "tasks", "KPS5294-001v4:T2.3");
        assertEquals(422, manyHours.statusCode(), "hours must be a number");
        assertTrue(manyHours.body().contains("name=\"title\" required value=\"演練\"") && manyHours.body().contains("name=\"hours\" inputmode=\"decimal\" required value=\"many\"")
                && manyHours.body().contains("name=\"tasks\" value=\"KPS5294-001v4:T2.3\" checked"), "the refused module form as it was filled");
        assertEquals(303, trainer.postForm(course + "/modules", "title", "客訴演練", "hours", "6", "tasks", "KPS5294-001v4:T2.3").statusCode());
        assertTrue(trainer.get(course).body().contains("客訴演練"));
        assertEquals(303, trainer.postForm(course + "/trainers", "username", "builder.cotrainer").statusCode());
        assertTrue(trainer.get(course).body().contains("builder.cotrainer"));
        HttpResponse<String> noSuchTrainer = trainer.postForm(course + "/trainers", "username", "no.such.user");
        assertEquals(422, noSuchTrainer.statusCode());
        assertTrue(noSuchTrainer.body().contains("name=\"username\" required value=\"no.such.user\""), "the username as it was typed");

        HttpResponse<String> published = trainer.postForm(course + "/publication");
        assertEquals(303, published.statusCode(), published.body());
        assertTrue(trainer.get(published.headers().firstValue("Location").orElseThrow()).body().contains("class=\"notice\""));
        assertTrue(trainer.get(course).body().contains("/dossier?revision=1"), "the revisions, each with its dossier");
        HttpResponse<String> dossier = trainer.get(course + "/dossier?revision=1");
        assertEquals(200, dossier.statusCode());
        assertTrue(dossier.body().contains("客訴處理實務"));
        // issue 30, point 9: in the site's layout, its navigation and its main landmark around the document
        assertTrue(dossier.body().contains("<main id=\"main\">") && dossier.body().contains("id=\"site-menu\"")
                && dossier.body().contains("<div class=\"document\" lang=\"zh-Hant-TW\">"), "the dossier in the layout");
        // issue 30, point 4: a change to the published course opens a draft revision, and the page says so plainly
        assertFalse(trainer.get(course).body().contains("id=\"draft-open\""), "nothing to say while nothing is drafted");
        assertEquals(303, trainer.postForm(course + "/modules", "title", "追蹤演練", "hours", "2").statusCode());
        assertTrue(trainer.get(course).body().contains("您的變更都記在第 2 版草稿中。學員看到並使用的仍是已發布的第 1 版"), "the draft, said plainly");

        // another trainer: the course does not exist for them, and nothing of it changes
        assertEquals(404, stranger.get(course).statusCode());
        assertEquals(404, stranger.get(course + "/dossier").statusCode());
        assertEquals(404, stranger.get(course + "/coverage").statusCode());
        assertEquals(404, stranger.postForm(course + "/trainers", "username", "builder.stranger").statusCode());
        assertFalse(trainer.get(course).body().contains("builder.stranger"));
    }

    @Test
    void aTrainersHomeIsTheirCourses() {
        HttpResponse<String> home = trainer.get("/home");
        assertEquals(303, home.statusCode());
        assertEquals("/courses", home.headers().firstValue("Location").orElseThrow());
        assertEquals(200, learner.get("/home").statusCode(), "a learner's home stays theirs");
    }

    @Test
    void aFormWithoutItsTokenChangesNothing() {
        HttpResponse<String> forged = trainer.post("/courses", List.of(Map.entry("code", "FORGED-1"), Map.entry("title", "偽造"), Map.entry("hours", "1")));
        assertEquals(403, forged.statusCode());
        assertFalse(trainer.get("/courses").body().contains("FORGED-1"));
    }

    @Test
    void aLearnerIsRefusedEveryCoursePage() {
        for (String path : List.of("/courses", "/courses/1", "/courses/1/dossier", "/courses/1/coverage")) {
            HttpResponse<String> page = learner.get(path);
            assertEquals(403, page.statusCode(), path);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        }
        for (String path : List.of("/courses", "/courses/1/alignments", "/courses/1/methods", "/courses/1/modules", "/courses/1/trainers",
                "/courses/1/publication")) {
            assertEquals(403, learner.postForm(path, "title", "x").statusCode(), path);
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
