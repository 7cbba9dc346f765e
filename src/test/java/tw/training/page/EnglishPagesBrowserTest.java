package tw.training.page;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import tw.training.account.Roles;
import tw.training.testing.Browser;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 16, point 4 in English: the journeys' pages (the trainer's and the assessor's, then the administrator's) opened
 * in a browser whose language is English, each checked by axe-core for WCAG 2.1 A/AA and for its language. The
 * journeys themselves run in Chinese; English pages differ in their words and so in what axe can find (a name that
 * no longer matches its visible text, say).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnglishPagesBrowserTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private Browser browser;
    private PortfolioCourse course;
    private long awaiting;
    private String verification;
    private long sample;
    private long disagreed;
    private long crosswalk;

    @BeforeAll
    void course() {
        Browser.requireInstalled();
        TestUsers users = TestUsers.of(context, http);
        course = PortfolioCourse.publish(http, users.tokenFor("english.trainer", Roles.TRAINER), "ENGLISH-1", "Complaint handling");
        String admin = users.tokenFor("english.admin", Roles.ADMIN);
        String done = users.tokenFor("english.done", Roles.LEARNER);
        String busy = users.tokenFor("english.busy", Roles.LEARNER);
        long finished = course.enroll("english.done");
        course.meet(course.submitPdf(done, finished, "Full drill", PortfolioCourse.INDICATORS), PortfolioCourse.INDICATORS, "complete");
        verification = ((String) PortfolioCourse.post(http, "/api/enrollments/" + finished + "/certificate", admin, Map.of()).get("verificationUrl"))
                .replaceFirst("^.*(/verify/)", "$1");
        awaiting = course.submitPdf(busy, course.enroll("english.busy"), "First drill", List.of("P2.3.1", "P2.3.2"));
        // issue 34: a sample of the four judgements, one second-marked in disagreement
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Taipei")).toString();
        Map<String, Object> drawn = PortfolioCourse.post(http, "/api/courses/" + course.id() + "/moderation/samples", admin, Map.of("from", today,
                "to", today));
        sample = PortfolioCourse.id(drawn);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) drawn.get("items")).get(0);
        disagreed = PortfolioCourse.id(first);
        PortfolioCourse.post(http, "/api/moderation/items/" + disagreed + "/second-marking", admin, Map.of("outcome", "NOT_YET", "comment", "no reply"));
        // issue 35: a revised standard and a crosswalk proposed to it
        http.toBlocking().exchange(io.micronaut.http.HttpRequest.POST("/api/standards", tw.training.revision.RevisedStandard.v5())
                .contentType(io.micronaut.http.MediaType.TEXT_PLAIN_TYPE).bearerAuth(admin));
        crosswalk = PortfolioCourse.id(PortfolioCourse.post(http, "/api/crosswalks", admin, Map.of("from", "KPS5294-001v4", "to", "KPS5294-001v5")));
        browser = Browser.start(server.getURL().toString(), "en");
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyPageOfTheJourneysPassesAxeInEnglish() {
        String c = "/courses/" + course.id();
        List<String> wrong = new ArrayList<>();
        browser.signIn("english.trainer", TestUsers.PASSWORD, "/courses");
        browser.checkPages("en", List.of("/courses", c, c + "/coverage", c + "/enrollments", c + "/queue", c + "/grid", c + "/grid?method=PORTFOLIO",
                "/assess/" + awaiting, c + "/progress", "/catalogue", "/catalogue?q=KPS", "/catalogue/KPS5294-001v4", "/catalogue/KMM5R0915v2",
                "/catalogue/import", "/courses/alignment?standardCode=KPS5294-001v4&taskCode=T2.3", "/crosswalks", "/crosswalks/" + crosswalk, c + "/revision"), wrong);
        browser.open("/signin");
        browser.driver.manage().deleteAllCookies();
        browser.signIn("english.admin", TestUsers.PASSWORD, "/admin/users");
        browser.checkPages("en", List.of("/admin", "/admin/users", "/admin/users?q=english", "/admin/audit", "/admin/settings", c + "/certificates", verification,
                "/admin/users/import", "/admin/mail", "/notifications", "/account/notifications", "/moderation", c + "/moderation",
                "/moderation/samples/" + sample, "/moderation/items/" + disagreed, c + "/assessor-statistics"), wrong);
        // the certification report is the official document, in Chinese whatever the reader's language (as its PDF),
        // inside the site's layout in the reader's
        browser.open(c + "/report");
        assertEquals("en", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("zh-Hant-TW", browser.driver.findElement(By.cssSelector("main .document")).getAttribute("lang"));
        browser.assertAccessible();
        assertEquals(List.of(), wrong);
    }
}
