package tw.training.course;

import io.micronaut.context.ApplicationContext;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tw.training.account.Roles;
import tw.training.testing.Browser;
import tw.training.testing.TestUsers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, journey (a) as far as the pages go so far: a trainer creates a course, aligns two tasks of
 * KPS5294-001v4 (one of them in part) and a task group of the unit KMM5R0915v2, sets methods (one task by "apply to
 * every indicator"), fails to publish once with the faults listed and linked, mends them, publishes and enrolls three
 * learners from a CSV file. axe-core on
 * every page; screenshots under {@code target/screenshots/course-builder/}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CourseBuilderBrowserTest {

    private static final String SHOTS = "course-builder";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private Browser browser;

    @BeforeAll
    void signIn() {
        Browser.requireInstalled();
        TestUsers users = TestUsers.of(context, http);
        users.create("builder.browser", Roles.TRAINER);
        for (String learner : List.of("journey.a1", "journey.a2", "journey.a3")) {
            users.create(learner, Roles.LEARNER);
        }
        browser = Browser.start(server.getURL().toString(), "zh-TW");
        browser.signIn("builder.browser", TestUsers.PASSWORD, "/courses");
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aTrainerBuildsACourseFailsToPublishOnceMendsItPublishesAndEnrollsThreeLearnersByCsv() throws IOException {
        browser.assertAccessible();
        browser.screenshot(SHOTS, "my-courses");
        browser.driver.findElement(By.id("code")).sendKeys("JOURNEY-A");
        browser.driver.findElement(By.id("title")).sendKeys("客服中心行銷實務");
        browser.driver.findElement(By.id("hours")).sendKeys("18");
        browser.driver.findElement(By.cssSelector("form[action='/courses'] button[type='submit']")).click();
        browser.waiting().until(ExpectedConditions.urlMatches("/courses/\\d+$"));
        String course = browser.path();

        // issue 30, point 4: a task is aligned by picking (document, then task, then its indicators); with no method ticked it is
        // refused beside the form, which keeps what was chosen
        align("KPS5294-001v4", "T2.3", "P2.3.2", List.of(), false);
        assertTrue(browser.driver.findElement(By.id("course-error")).getText().contains("請為此任務的行為指標至少勾選一種評量方式"));
        browser.assertAccessible();
        browser.open(course);
        align("KPS5294-001v4", "T2.3", "", List.of("OBSERVATION"));
        align("KPS5294-001v4", "T2.4", "P2.4.1, P2.4.3", List.of("WORK_PRODUCT"));
        align("KMM5R0915v2", "T1", "", List.of("THIRD_PARTY_REPORT"));
        assertEquals(3, browser.driver.findElements(By.cssSelector("section[aria-labelledby='plan'] article.task")).size());
        browser.assertAccessible();
        browser.screenshot(SHOTS, "aligned");

        // issue 30, point 4: the task's methods are one table. P2.3.1 left without a method and P2.3.2 changed: refused beside
        // P2.3.1, every box as it was ticked; then P2.3.1 ticked too, and both saved at once
        cell("P2.3.1", "OBSERVATION").click();
        cell("P2.3.2", "OBSERVATION").click();
        cell("P2.3.2", "PORTFOLIO").click();
        saveMethods("T2.3");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("methods-KPS5294-001v4:P2.3.1-error")));
        assertTrue(browser.driver.findElement(By.id("methods-KPS5294-001v4:P2.3.1-error")).getText().contains("P2.3.1 至少須有一種評量方式"));
        assertTrue(cell("P2.3.2", "PORTFOLIO").isSelected() && !cell("P2.3.2", "OBSERVATION").isSelected(), "the boxes as they were ticked");
        browser.assertAccessible();
        browser.screenshot(SHOTS, "methods-refused");
        cell("P2.3.1", "PORTFOLIO").click();
        saveMethods("T2.3");
        browser.waiting().until(ExpectedConditions.urlContains("#plan-"));
        assertTrue(cell("P2.3.1", "PORTFOLIO").isSelected() && !cell("P2.3.1", "OBSERVATION").isSelected(), "P2.3.1 changed");
        assertTrue(cell("P2.3.2", "PORTFOLIO").isSelected() && !cell("P2.3.2", "OBSERVATION").isSelected(), "and P2.3.2, at once");
        assertTrue(cell("P2.3.3", "OBSERVATION").isSelected(), "the others as they were");

        // an API client may still leave indicators without a method (the pages never do): the coverage view says so
        String token = TestUsers.of(context, http).login("builder.browser", TestUsers.PASSWORD);
        for (String indicator : List.of("P2.3.1", "P2.3.2", "P2.3.3", "P2.3.4")) {
            http.toBlocking().exchange(HttpRequest.PUT("/api" + course + "/plan/KPS5294-001v4:" + indicator, Map.of("methods", List.of())).bearerAuth(token));
        }
        browser.driver.findElement(By.id("coverage-link")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("without-method")));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "coverage");
        browser.open(course);

        // publishing now fails: T2.3's indicators have no method yet; each fault links to the plan
        browser.driver.findElement(By.id("publish-course")).click();
        WebElement faults = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("faults")));
        assertEquals(4, faults.findElements(By.cssSelector("a[href='#plan']")).size(), faults.getText());
        browser.assertAccessible();
        browser.screenshot(SHOTS, "publish-faults");

        // mended in the table: every indicator of T2.3 by portfolio
        for (String indicator : List.of("P2.3.1", "P2.3.2", "P2.3.3", "P2.3.4")) {
            cell(indicator, "PORTFOLIO").click();
        }
        saveMethods("T2.3");
        browser.waiting().until(driver -> cell("P2.3.4", "PORTFOLIO").isSelected());
        browser.screenshot(SHOTS, "methods-applied");

        browser.driver.findElement(By.id("publish-course")).click();
        browser.waiting().until(ExpectedConditions.urlContains("?published"));
        assertTrue(browser.driver.findElement(By.cssSelector("p.notice")).isDisplayed());
        assertTrue(browser.path().startsWith(course));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "published");

        // three learners enrolled from a roster file, with what became of each row
        browser.driver.findElement(By.id("learners-link")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/enrollments"));
        browser.assertAccessible();
        Path roster = Files.createTempFile("roster", ".csv");
        Files.writeString(roster, "username\njourney.a1\njourney.a2\njourney.a3\n");
        browser.driver.findElement(By.id("file")).sendKeys(roster.toAbsolutePath().toString());
        browser.driver.findElement(By.cssSelector("form[action$='/roster'] button[type='submit']")).click();
        WebElement report = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("roster-report")));
        assertEquals(3, report.findElements(By.cssSelector(".status-met")).size(), report.getText());
        assertEquals(3, browser.driver.findElements(By.cssSelector("section[aria-labelledby='enrolled-learners'] tbody tr")).size());
        browser.assertAccessible();
        browser.screenshot(SHOTS, "roster-enrolled");
    }

    /** The box of one indicator of KPS5294-001v4 and one method in the plan's table. */
    private WebElement cell(String indicator, String method) {
        return browser.driver.findElement(By.cssSelector("input[name='methods:KPS5294-001v4:" + indicator + "'][value='" + method + "']"));
    }

    private void saveMethods(String task) {
        browser.driver.findElement(By.cssSelector("form[id='methods-KPS5294-001v4:" + task + "'] button[type='submit']")).click();
    }

    private void align(String standard, String task, String indicators, List<String> methods) {
        align(standard, task, indicators, methods, true);
    }

    /**
     * Aligns by picking, from the builder: the catalogue searched for the document, the document picked, then its task, then
     * the indicators ticked (none: the whole task) and the methods; waits for the task in the plan, or (not {@code accepted})
     * for the refusal, and checks that the refused form kept the course and the indicators.
     */
    private void align(String standard, String task, String indicators, List<String> methods, boolean accepted) {
        String course = browser.path().replaceFirst("#.*$", "");
        browser.driver.findElement(By.id("pick-task")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("q"))).sendKeys(standard);
        browser.driver.findElement(By.cssSelector("form[role='search'] button[type='submit']")).click();
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#documents a[href$='standardCode=" + standard + "']"))).click();
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#tasks a[href$='taskCode=" + task + "']"))).click();
        WebElement form = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/courses/alignment']")));
        assertEquals(course.replaceFirst("^/courses/", ""), new Select(form.findElement(By.id("course"))).getFirstSelectedOption().getAttribute("value"),
                "the course the picking began from");
        List<String> ticked = indicators.isBlank() ? List.of() : List.of(indicators.split(",\\s*"));
        for (String indicator : ticked) {
            form.findElement(By.cssSelector("input[name='indicatorCodes'][value='" + indicator + "']")).click();
        }
        for (String method : methods) {
            form.findElement(By.cssSelector("input[name='methods'][value='" + method + "']")).click();
        }
        form.findElement(By.cssSelector("button[type='submit']")).click();
        if (accepted) {
            // the course's page, not the picking form still (which names the task too: waiting on the text alone, the next
            // alignment once began from the form before the answer came)
            browser.waiting().until(driver -> !driver.getCurrentUrl().contains("/courses/alignment")
                    && driver.getPageSource().contains(standard + ":" + task + " "));
        } else {
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("course-error")));
            for (String indicator : ticked) {
                assertTrue(browser.driver.findElement(By.cssSelector("input[name='indicatorCodes'][value='" + indicator + "']")).isSelected(),
                        "the refused form keeps what was ticked");
            }
        }
    }
}
