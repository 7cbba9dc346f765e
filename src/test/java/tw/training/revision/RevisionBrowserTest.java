package tw.training.revision;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tw.training.account.Roles;
import tw.training.testing.Browser;
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 35, acceptance 5, in a real browser (zh-TW): a trainer imports KPS5294-001v5, proposes, reviews and confirms the
 * crosswalk from v4, moves the course's plan through it (the draft's methods and publication through the API), reads
 * the dry run (which fits a phone, 360 px) and moves the learners, each step asked first; a learner then reads on their
 * course page what carried (naming the original judgement) and what was attached from where, open for an assessor.
 * Each page is axe-clean; the learner's page and the trainer's fit a 390 px phone, in Chinese and in English.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevisionBrowserTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    private Browser browser;
    private String trainer;
    private PortfolioCourse course;
    private long enrollment;
    private RowCounts rows;

    @BeforeAll
    void aLearnerHalfWayThroughACourseOnV4() {
        Browser.requireInstalled();
        TestUsers users = TestUsers.of(context, http);
        trainer = users.tokenFor("rb.trainer", Roles.TRAINER);
        String learner = users.tokenFor("rb.learner", Roles.LEARNER);
        rows = new RowCounts(dataSource, List.of());
        course = PortfolioCourse.publish(http, trainer, "RB-1", "客訴處理實務");
        enrollment = course.enroll("rb.learner");
        long first = course.submitPdf(learner, enrollment, "客訴演練", List.of("P2.3.1", "P2.3.2"));
        course.meet(first, List.of("P2.3.1"), "處理得當");
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
    @Order(1)
    void aTrainerMovesCourseAndLearnersAndTheLearnerSeesWhatCarried() {
        // the revised standard imported from its file
        signIn("rb.trainer", "/catalogue/import");
        browser.driver.findElement(By.id("code")).sendKeys("KPS5294-001v5");
        browser.driver.findElement(By.id("file")).sendKeys(Path.of("src/test/resources/revision/KPS5294-001v5.txt").toAbsolutePath().toString());
        browser.driver.findElement(By.cssSelector("form[action='/catalogue/import'] button[type='submit']")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.linkText("查看 KPS5294-001v5")));

        // the crosswalk proposed, a note added to the split indicator, saved, then confirmed (asked first)
        browser.open("/crosswalks");
        browser.driver.findElement(By.id("propose-crosswalk")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("lines-form")));
        browser.assertAccessible();
        String split = browser.driver.findElements(By.cssSelector("fieldset.crosswalk-line")).stream()
                .filter(f -> f.findElement(By.tagName("legend")).getText().startsWith("P2.3.2")).findFirst().orElseThrow().getAttribute("id");
        browser.driver.findElement(By.cssSelector("#" + split + " input[name^='note-']")).sendKeys("拆為處理與紀錄兩項");
        browser.driver.findElement(By.id("save-lines")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertTrue(browser.clickAndAnswer(By.id("confirm-crosswalk"), true).contains("KPS5294-001v4"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("crosswalk-status"), "已確認"));

        // the course's plan moved through it from the course's revision page
        browser.open("/courses/" + course.id());
        browser.driver.findElement(By.id("revision-link")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("migrate-KPS5294-001v4")));
        browser.assertAccessible();
        assertTrue(browser.clickAndAnswer(By.id("migrate-KPS5294-001v4"), true).contains("KPS5294-001v5"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        http.toBlocking().exchange(HttpRequest.PUT("/api/courses/" + course.id() + "/plan/KPS5294-001v5:P2.3.5", Map.of("methods", List.of("PORTFOLIO")))
                .bearerAuth(trainer));
        PortfolioCourse.post(http, "/api/courses/" + course.id() + "/publish", trainer, Map.of());

        // the dry run, then the learners moved (asked first)
        browser.open("/courses/" + course.id() + "/revision");
        String learnerCard = browser.driver.findElement(By.id("learner-" + enrollment)).getText();
        assertTrue(learnerCard.contains("KPS5294-001v4:P2.3.1 → KPS5294-001v5:P2.3.1") && learnerCard.contains("部分相當")
                && learnerCard.contains("拆為處理與紀錄兩項"), learnerCard);
        browser.assertAccessible();
        // the learners' boxes fit a phone, their long codes wrapping
        browser.emulate(360, 740, true);
        browser.open("/courses/" + course.id() + "/revision");
        assertEquals(List.of(), browser.smallScreenFaults(0.15));
        browser.emulate(1280, 900, false);
        browser.open("/courses/" + course.id() + "/revision");
        assertTrue(browser.clickAndAnswer(By.id("move-learners"), true).contains("1 位學員"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertEquals("1", rows.single("SELECT COUNT(*) FROM learner_move"));
        browser.assertAccessible();

        // the learner reads what carried, from which judgement, and what was attached from where
        String original = rows.single("SELECT j.judgement_id FROM judgement j JOIN indicator i ON i.indicator_id = j.indicator_id"
                + " JOIN standard s ON s.standard_id = i.standard_id WHERE s.code = 'KPS5294-001v4' AND i.code = 'P2.3.1'");
        signIn("rb.learner", "/enrollments/" + enrollment);
        String carried = browser.driver.findElement(By.cssSelector("#indicator-P2\\.3\\.1 li.carried")).getText();
        assertTrue(carried.contains("編號 " + original) && carried.contains("KPS5294-001v4:P2.3.1") && carried.contains("rb.trainer"), carried);
        String reopened = browser.driver.findElement(By.cssSelector("#indicator-P2\\.3\\.2 p.reopened")).getText();
        assertTrue(reopened.contains("由 KPS5294-001v4:P2.3.2 轉附至此") && reopened.contains("待評量人員評定"), reopened);
        browser.assertAccessible();
        browser.emulate(390, 844, true);
        browser.open("/enrollments/" + enrollment);
        assertEquals(List.of(), browser.smallScreenFaults(0.15));
        browser.assertAccessible();
    }

    @Test
    @Order(2)
    void inEnglishTheLearnersAndTheTrainersPagesReadAndFitAPhone() {
        aTrainerMovesCourseAndLearnersAndTheLearnerSeesWhatCarriedIfNotYet();
        Browser english = Browser.start(server.getURL().toString(), "en");
        try {
            english.emulate(390, 844, true);
            english.signIn("rb.learner", TestUsers.PASSWORD, "/enrollments/" + enrollment);
            String carried = english.driver.findElement(By.cssSelector("#indicator-P2\\.3\\.1 li.carried")).getText();
            assertTrue(carried.contains("carried over when you moved") && carried.contains("KPS5294-001v4:P2.3.1"), carried);
            assertEquals(List.of(), english.smallScreenFaults(0.15));
            english.assertAccessible();
            english.open("/signin");
            english.driver.manage().deleteAllCookies();
            english.signIn("rb.trainer", TestUsers.PASSWORD, "/courses/" + course.id() + "/revision");
            assertTrue(english.driver.findElement(By.tagName("main")).getText().contains("Moves made"));
            assertEquals(List.of(), english.smallScreenFaults(0.15));
            english.assertAccessible();
            english.emulate(1280, 900, false);
            english.open("/courses/" + course.id() + "/revision");
            english.assertAccessible();
        } finally {
            english.close();
        }
    }

    /** The journey's end state, also when this test is run alone. */
    private void aTrainerMovesCourseAndLearnersAndTheLearnerSeesWhatCarriedIfNotYet() {
        if ("0".equals(rows.single("SELECT COUNT(*) FROM learner_move"))) {
            browser.emulate(1280, 900, false);
            aTrainerMovesCourseAndLearnersAndTheLearnerSeesWhatCarried();
        }
    }
}
