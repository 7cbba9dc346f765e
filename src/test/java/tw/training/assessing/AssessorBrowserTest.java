package tw.training.assessing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import tw.training.account.Roles;
import tw.training.testing.Browser;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, journey (b) as far as the pages go so far: an assessor opens the course's queue, judges one piece of
 * evidence through its page, and the learner's progress moves. axe-core on each page; screenshots under
 * {@code target/screenshots/assessor/}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessorBrowserTest {

    private static final String SHOTS = "assessor";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private Browser browser;
    private PortfolioCourse course;
    private String learner;
    private long enrollment;

    @BeforeAll
    void evidenceAwaits() {
        Browser.requireInstalled();
        TestUsers users = TestUsers.of(context, http);
        course = PortfolioCourse.publish(http, users.tokenFor("assessor.browser", Roles.TRAINER), "ASSESS-B", "客訴處理實務");
        learner = users.tokenFor("assessor.learner", Roles.LEARNER);
        enrollment = course.enroll("assessor.learner");
        course.submitPdf(learner, enrollment, "客訴演練紀錄", List.of("P2.3.1", "P2.3.2"));
        browser = Browser.start(server.getURL().toString(), "zh-TW");
        browser.signIn("assessor.browser", TestUsers.PASSWORD, "/courses/" + course.id() + "/queue");
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAssessorJudgesOnePieceThroughItsPageAndTheLearnersProgressMoves() {
        browser.assertAccessible();
        browser.screenshot(SHOTS, "queue");
        browser.driver.findElement(By.linkText("客訴演練紀錄")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("judging-form")));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "judging");

        for (String code : List.of("P2.3.1", "P2.3.2")) {
            browser.driver.findElement(By.cssSelector("fieldset[id='claim-" + code + "'] input[value='MET']")).click();
            browser.driver.findElement(By.cssSelector("fieldset[id='claim-" + code + "'] textarea")).sendKeys("紀錄完整");
        }
        browser.driver.findElement(By.id("save-judgements")).click();
        browser.waiting().until(ExpectedConditions.urlContains("?judged"));
        assertEquals(2, browser.driver.findElements(By.cssSelector("#judgements tbody tr")).size());
        browser.assertAccessible();
        browser.screenshot(SHOTS, "judged");

        Map<String, Object> progress = http.toBlocking().retrieve(HttpRequest.GET("/api/enrollments/" + enrollment + "/progress").bearerAuth(learner),
                Argument.mapOf(String.class, Object.class));
        assertEquals(2, ((Number) ((Map<?, ?>) progress.get("summary")).get("indicatorsMet")).intValue());
        browser.open("/courses/" + course.id() + "/queue");
        assertTrue(browser.driver.findElement(By.id("queue")).getText().contains("目前沒有待評量的證據"));
    }
}
