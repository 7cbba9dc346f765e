package tw.training.assessing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
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

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The assessors' pages (issue 16): the queue oldest first and filtered, a piece of evidence judged indicator by
 * indicator through the form (progress moves), a choice the rules refuse taking the others down with it, and the
 * pages closed to another trainer (not found) and to a learner (forbidden).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessorPagesTest implements DatabaseTest {

    private static final String P1 = PortfolioCourse.STANDARD + ":P2.3.1";
    private static final String P2 = PortfolioCourse.STANDARD + ":P2.3.2";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private PortfolioCourse course;
    private String learnerToken;
    private long enrollment;
    private long first;
    private long second;
    private FormClient trainer;
    private FormClient stranger;
    private FormClient learner;

    @BeforeAll
    void evidenceAwaits() {
        TestUsers users = TestUsers.of(context, http);
        course = PortfolioCourse.publish(http, users.tokenFor("assess.trainer", Roles.TRAINER), "ASSESS-1", "客訴處理實務");
        learnerToken = users.tokenFor("assess.learner", Roles.LEARNER);
        String other = users.tokenFor("assess.other", Roles.LEARNER);
        users.create("assess.stranger", Roles.TRAINER);
        enrollment = course.enroll("assess.learner");
        long others = course.enroll("assess.other");
        first = course.submitPdf(learnerToken, enrollment, "第一次演練", List.of("P2.3.1", "P2.3.2"));
        second = course.submitPdf(other, others, "他人的演練", List.of("P2.3.3"));
        String base = server.getURL().toString();
        trainer = new FormClient(base, "zh-TW").signIn("assess.trainer", TestUsers.PASSWORD);
        stranger = new FormClient(base, "zh-TW").signIn("assess.stranger", TestUsers.PASSWORD);
        learner = new FormClient(base, "zh-TW").signIn("assess.learner", TestUsers.PASSWORD);
    }

    @Test
    void theQueueListsTheOldestFirstAndFilters() {
        String queue = trainer.get("/courses/" + course.id() + "/queue").body();
        assertTrue(queue.indexOf("/assess/" + first) < queue.indexOf("/assess/" + second) && queue.contains("/assess/" + second), "oldest first");
        String filtered = trainer.get("/courses/" + course.id() + "/queue?learner=assess.other").body();
        assertTrue(filtered.contains("/assess/" + second) && !filtered.contains("href=\"/assess/" + first + "\""), "by learner");
    }

    @Test
    void aChoiceTheRulesRefuseTakesTheOthersDownAndAValidFormIsRecorded() {
        String page = "/assess/" + first;
        assertTrue(trainer.get(page).body().contains("name=\"outcome:" + P1 + "\""));
        HttpResponse<String> refused = trainer.post(page, List.of(Map.entry("_csrf", trainer.token()), Map.entry("outcome:" + P1, "MET"),
                Map.entry("comment:" + P1, "示範完整"), Map.entry("outcome:" + P2, "MAYBE")));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("id=\"outcome-error\""));
        assertTrue(refused.body().contains("name=\"outcome:" + P1 + "\" value=\"MET\" checked") && refused.body().contains(">示範完整</textarea>"),
                "the choices and comments as they were (issue 30, point 4)");
        assertEquals(0, met(), "nothing recorded: the batch is all or nothing");
        assertEquals(422, trainer.post(page, List.of(Map.entry("_csrf", trainer.token()))).statusCode(), "nothing chosen");

        HttpResponse<String> judged = trainer.post(page, List.of(Map.entry("_csrf", trainer.token()), Map.entry("outcome:" + P1, "MET"),
                Map.entry("comment:" + P1, "步驟完整"), Map.entry("outcome:" + P2, "NOT_YET"), Map.entry("comment:" + P2, "缺少紀錄")));
        assertEquals(303, judged.statusCode(), judged.body());
        String after = trainer.get(judged.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(after.contains("class=\"notice\"") && after.contains("步驟完整") && after.contains("缺少紀錄"), "saved, in the history");
        assertEquals(1, met(), "progress moved: P2.3.1 met");
        assertFalse(trainer.get("/courses/" + course.id() + "/queue").body().contains("href=\"/assess/" + first + "\""), "judged: off the queue");
    }

    @Test
    void anotherTrainerFindsNothingAndALearnerIsRefused() {
        assertEquals(404, stranger.get("/courses/" + course.id() + "/queue").statusCode());
        assertEquals(404, stranger.get("/assess/" + second).statusCode());
        assertEquals(404, stranger.post("/assess/" + second, List.of(Map.entry("_csrf", stranger.token()), Map.entry("outcome:"
                + PortfolioCourse.STANDARD + ":P2.3.3", "MET"))).statusCode());
        assertEquals(403, learner.get("/courses/" + course.id() + "/queue").statusCode());
        assertEquals(403, learner.get("/assess/" + first).statusCode());
        assertEquals(403, learner.post("/assess/" + first, List.of(Map.entry("_csrf", learner.token()), Map.entry("outcome:" + P1, "MET"))).statusCode());
    }

    private int met() {
        Map<String, Object> progress = http.toBlocking().retrieve(HttpRequest.GET("/api/enrollments/" + enrollment + "/progress").bearerAuth(learnerToken),
                Argument.mapOf(String.class, Object.class));
        return ((Number) ((Map<?, ?>) progress.get("summary")).get("indicatorsMet")).intValue();
    }
}
