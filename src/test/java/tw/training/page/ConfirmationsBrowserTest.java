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
import org.openqa.selenium.support.ui.ExpectedConditions;
import tw.training.account.Roles;
import tw.training.testing.Browser;
import tw.training.testing.LearningApi;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 30, acceptance 4: each irreversible action asks first, in the page's words, and "no" changes nothing:
 * withdrawing evidence (the learner), removing a task and a module from a course (the trainer), disabling a user (the
 * administrator; issuing and revoking a certificate are in AdminBrowserTest). Each button looks apart.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfirmationsBrowserTest {

    private static final String DANGER = "rgba(155, 28, 28, 1)";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private Browser browser;
    private long evidence;
    private long draft;
    private long published;
    private String trainerToken;

    @BeforeAll
    void somethingToLose() {
        Browser.requireInstalled();
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("confirm.trainer", Roles.TRAINER);
        trainerToken = trainer;
        users.create("confirm.admin", Roles.ADMIN);
        String learner = users.tokenFor("confirm.learner", Roles.LEARNER);
        PortfolioCourse course = PortfolioCourse.publish(http, trainer, "CONFIRM-1", "客訴處理實務");
        evidence = course.submitPdf(learner, course.enroll("confirm.learner"), "草稿證據", List.of("P2.3.1"));
        published = course.id();
        draft = new LearningApi(http).draftCourse(trainer, "CONFIRM-2");
        browser = Browser.start(server.getURL().toString(), "zh-TW");
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private void signIn(String username, String next) {
        browser.open("/signin");
        browser.driver.manage().deleteAllCookies();
        browser.signIn(username, TestUsers.PASSWORD, next);
    }

    @Test
    void withdrawingRemovingAndDisablingAskFirst() {
        signIn("confirm.learner", "/evidence/" + evidence);
        By withdraw = By.id("withdraw-evidence");
        assertEquals(DANGER, browser.driver.findElement(withdraw).getCssValue("background-color"));
        assertTrue(browser.clickAndAnswer(withdraw, false).contains("撤回證據「草稿證據」"));
        browser.open("/evidence/" + evidence);
        assertEquals("待評量", browser.driver.findElement(By.id("evidence-state")).getText(), "no: still awaiting");
        browser.clickAndAnswer(withdraw, true);
        browser.waiting().until(ExpectedConditions.textToBe(By.id("evidence-state"), "已撤回"));

        signIn("confirm.trainer", "/courses/" + draft);
        By unalign = By.cssSelector("form[action$='/alignments/removal'] button");
        assertEquals(DANGER, browser.driver.findElement(unalign).getCssValue("background-color"));
        assertTrue(browser.clickAndAnswer(unalign, false).contains("T2.3"));
        browser.open("/courses/" + draft);
        assertEquals(1, browser.driver.findElements(unalign).size(), "no: the task stays");
        By removeModule = By.cssSelector("form[action$='/modules/removal'] button");
        assertTrue(browser.clickAndAnswer(removeModule, false).contains("處理客訴"));
        browser.open("/courses/" + draft);
        assertEquals(1, browser.driver.findElements(removeModule).size(), "no: the module stays");
        browser.clickAndAnswer(removeModule, true);
        browser.waiting().until(driver -> driver.findElements(removeModule).isEmpty());

        signIn("confirm.admin", "/admin/users?q=confirm.learner");
        By disable = By.id("disable-confirm.learner");
        assertEquals(DANGER, browser.driver.findElement(disable).getCssValue("background-color"));
        assertTrue(browser.clickAndAnswer(disable, false).contains("停用 confirm.learner 的帳號"));
        browser.open("/admin/users?q=confirm.learner");
        assertEquals(1, browser.driver.findElements(disable).size(), "no: still enabled");
        browser.clickAndAnswer(disable, true);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("enable-confirm.learner")));
        browser.assertAccessible();
        browser.screenshot("confirmations", "disabled");
    }

    /** Issue 30, point 4: the draft a change opened is discarded only when the trainer says yes, and the published revision returns. */
    @Test
    void aDraftIsDiscardedOnlyWhenConfirmedAndThePublishedRevisionReturns() {
        new LearningApi(http).put(trainerToken, "/api/courses/" + published + "/plan/KPS5294-001v4:P2.3.1", java.util.Map.of("methods", List.of("OBSERVATION")));
        signIn("confirm.trainer", "/courses/" + published);
        By discard = By.id("discard-draft");
        By observation = By.cssSelector("input[name='methods:KPS5294-001v4:P2.3.1'][value='OBSERVATION']");
        assertEquals(DANGER, browser.driver.findElement(discard).getCssValue("background-color"));
        assertTrue(browser.driver.findElement(observation).isSelected(), "the draft's change");
        assertTrue(browser.clickAndAnswer(discard, false).contains("第 2 版草稿"));
        browser.open("/courses/" + published);
        assertEquals(1, browser.driver.findElements(By.id("draft-open")).size(), "no: the draft stays");
        browser.clickAndAnswer(discard, true);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("draft-discarded")));
        assertTrue(browser.driver.findElements(By.id("draft-open")).isEmpty());
        assertTrue(!browser.driver.findElement(observation).isSelected()
                && browser.driver.findElement(By.cssSelector("input[name='methods:KPS5294-001v4:P2.3.1'][value='PORTFOLIO']")).isSelected(),
                "the published revision's methods, as they were");
        browser.assertAccessible();
        browser.screenshot("confirmations", "draft-discarded");
    }
}
