package tw.training.portfolio;

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
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learner's course page says, for each indicator, what met it (evidence, assessor, comment) and, while it is
 * not met, which evidence awaits judgement and which was last judged "not yet" and why; a later judgement of the
 * same claim replaces the earlier one, as in the progress ledger.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoursePageTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private PortfolioCourse course;
    private String learner;
    private long enrollment;
    private FormClient page;

    @BeforeAll
    void enrolled() {
        TestUsers users = TestUsers.of(context, http);
        course = PortfolioCourse.publish(http, users.tokenFor("plan.trainer", Roles.TRAINER), "PLAN-1", "客訴處理實務");
        learner = users.tokenFor("plan.learner", Roles.LEARNER);
        enrollment = course.enroll("plan.learner");
        page = new FormClient(server.getURL().toString(), "zh-TW").signIn("plan.learner", TestUsers.PASSWORD);
    }

    /** Issue 30, point 9: the learner's course page says what the course is and who teaches it, in the page's language. */
    @Test
    void theCoursePageShowsItsDescriptionAndWhoTeachesIt() {
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("plan.trainer", Roles.TRAINER);
        users.create("plan.cotrainer", Roles.TRAINER);
        long described = PortfolioCourse.id(PortfolioCourse.post(http, "/api/courses", trainer, Map.of("code", "PLAN-2", "title", "說明課程", "hours", 6,
                "description", "以真實客訴案例練習處理流程")));
        PortfolioCourse.post(http, "/api/courses/" + described + "/alignments", trainer, Map.of("standardCode", PortfolioCourse.STANDARD,
                "taskCode", "T2.3", "methods", List.of("PORTFOLIO")));
        PortfolioCourse.post(http, "/api/courses/" + described + "/trainers", trainer, Map.of("username", "plan.cotrainer"));
        PortfolioCourse.post(http, "/api/courses/" + described + "/publish", trainer, Map.of());
        long joined = PortfolioCourse.id(PortfolioCourse.post(http, "/api/courses/" + described + "/enrollments", trainer, Map.of("username", "plan.learner")));

        String body = page.get("/enrollments/" + joined).body();
        assertTrue(body.contains("以真實客訴案例練習處理流程"), body);
        assertTrue(body.contains("授課講師：測試 plan.trainer、測試 plan.cotrainer"), body);
        String english = new FormClient(server.getURL().toString(), "en").signIn("plan.learner", TestUsers.PASSWORD).get("/enrollments/" + joined).body();
        assertTrue(english.contains("Taught by 測試 plan.trainer, 測試 plan.cotrainer"), english);
    }

    @Test
    void awaitingThenNotYetWithTheReasonThenMetWithTheComment() {
        long first = submit("第一次演練", "P2.3.1", "P2.3.2");
        assertTrue(indicator("P2.3.1").contains("第一次演練") && indicator("P2.3.1").contains("class=\"awaiting\""), indicator("P2.3.1"));

        judge(first, "P2.3.1", "NOT_YET", "步驟三不完整");
        judge(first, "P2.3.2", "MET", "紀錄清楚");
        String notYet = indicator("P2.3.1");
        assertTrue(notYet.contains("class=\"not-yet\"") && notYet.contains("步驟三不完整"), notYet);
        assertFalse(notYet.contains("class=\"awaiting\""), "judged, so no longer awaiting");
        String met = indicator("P2.3.2");
        assertTrue(met.contains("indicator met") && met.contains("紀錄清楚") && met.contains("第一次演練"), met);

        // the same claim judged again: the latest word counts, the "not yet" is gone
        judge(first, "P2.3.1", "MET", "補充後完整");
        String now = indicator("P2.3.1");
        assertTrue(now.contains("indicator met") && now.contains("補充後完整"), now);
        assertFalse(now.contains("步驟三不完整"), now);

        // a second piece claiming a met indicator awaits, but the page does not ask for it: the indicator is met
        submit("第二次演練", "P2.3.1");
        assertFalse(indicator("P2.3.1").contains("class=\"awaiting\""), indicator("P2.3.1"));
        assertTrue(indicator("P2.3.3").contains("class=\"missing\""), "an indicator nothing claims is still needed");
    }

    /** The article of one indicator on the course page. */
    private String indicator(String code) {
        String body = page.get("/enrollments/" + enrollment).body();
        Matcher article = Pattern.compile("<article class=\"indicator[^\"]*\" id=\"indicator-" + Pattern.quote(code) + "\".*?</article>", Pattern.DOTALL)
                .matcher(body);
        assertTrue(article.find(), "the page shows " + code);
        return article.group();
    }

    private long submit(String title, String... indicators) {
        return course.submitPdf(learner, enrollment, title, List.of(indicators));
    }

    private void judge(long evidence, String code, String outcome, String comment) {
        course.judge(evidence, code, outcome, comment);
    }
}
