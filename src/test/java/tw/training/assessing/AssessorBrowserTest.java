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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tw.training.account.Roles;
import tw.training.testing.Browser;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, journey (b): an assessor judges ten pieces of evidence in the judging grid with the keyboard alone (five
 * learners, two pieces each, one on P2.3.1 and one on P2.3.2), then one more through the queue and its evidence page;
 * each learner's progress moves accordingly. axe-core on each page; screenshots under
 * {@code target/screenshots/assessor/}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssessorBrowserTest {

    private static final String SHOTS = "assessor";
    private static final int GRID_LEARNERS = 5;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private Browser browser;
    private PortfolioCourse course;
    private final List<String> tokens = new ArrayList<>();
    private final List<Long> enrollments = new ArrayList<>();

    @BeforeAll
    void evidenceAwaits() {
        Browser.requireInstalled();
        TestUsers users = TestUsers.of(context, http);
        course = PortfolioCourse.publish(http, users.tokenFor("assessor.browser", Roles.TRAINER), "ASSESS-B", "客訴處理實務");
        // by username, the grid's order: b1 … b5 judged in the grid, b6 through its evidence page
        for (int n = 1; n <= GRID_LEARNERS + 1; n++) {
            tokens.add(users.tokenFor("assessor.b" + n, Roles.LEARNER));
            enrollments.add(course.enroll("assessor.b" + n));
        }
        for (int n = 0; n < GRID_LEARNERS; n++) {
            course.submitPdf(tokens.get(n), enrollments.get(n), "客訴演練（一）", List.of("P2.3.1"));
            course.submitPdf(tokens.get(n), enrollments.get(n), "客訴演練（二）", List.of("P2.3.2"));
        }
        course.submitPdf(tokens.get(GRID_LEARNERS), enrollments.get(GRID_LEARNERS), "客訴演練紀錄", List.of("P2.3.1", "P2.3.2"));
        browser = Browser.start(server.getURL().toString(), "zh-TW");
        browser.signIn("assessor.browser", TestUsers.PASSWORD, "/courses/" + course.id() + "/grid");
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void anAssessorJudgesTenPiecesInTheGridWithTheKeyboardAlone() {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid[role='grid']")));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "grid");
        tabIntoTheGrid();
        // learners 1 to 4: MET on both cells, walking the rows in a zigzag
        for (int n = 0; n < 4; n++) {
            press("m");
            press(n % 2 == 0 ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT);
            press("m");
            press(Keys.ARROW_DOWN);
        }
        // learner 5: both cells selected with Space, then NOT_YET for the selection
        press(" ");
        press(Keys.ARROW_RIGHT);
        press(" ");
        press("n");
        assertEquals("已選擇 10 格", browser.driver.findElement(By.id("grid-status")).getText());
        browser.assertAccessible();
        browser.screenshot(SHOTS, "grid-chosen");
        press("c");
        assertEquals("grid-comment", active().getAttribute("id"), "C goes to the comment");
        active().sendKeys("依評量表逐項確認");
        active().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("grid-saved")));
        assertTrue(browser.driver.findElement(By.id("grid-saved")).getText().contains("已記錄 10 筆評量"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "grid-saved");
        for (int n = 0; n < GRID_LEARNERS; n++) {
            assertEquals(n < 4 ? 2 : 0, met(n), "learner " + (n + 1));
        }
        assertEquals(0, met(GRID_LEARNERS), "the sixth learner's evidence was left for its page");
        String saved = browser.driver.findElement(By.id("grid")).getText();
        assertTrue(saved.contains("尚未達成") && saved.contains("已達成"), "the cells show the outcomes now");
    }

    @Test
    @Order(2)
    void thenOneThroughTheQueueAndItsEvidencePage() {
        browser.open("/courses/" + course.id() + "/queue");
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
        assertEquals(2, met(GRID_LEARNERS));

        browser.open("/courses/" + course.id() + "/queue");
        assertTrue(browser.driver.findElement(By.id("queue")).getText().contains("目前沒有待評量的證據"), "nothing awaits any more");
    }

    /**
     * Issue 30, acceptance 3: the grid with the mouse alone (clicks, no key): the fifth learner's new pieces, each cell's
     * evidence opened first (in a new tab, the choices made so far kept), then Met in one cell, Not yet then Clear then
     * Met in the other, saved with the button.
     */
    @Test
    @Order(3)
    void anAssessorJudgesInTheGridWithTheMouseAloneAfterOpeningTheEvidence() {
        int fifth = GRID_LEARNERS - 1;
        long first = PortfolioCourse.id(course.submit(tokens.get(fifth), enrollments.get(fifth), "客訴演練（重做一）", List.of("P2.3.1"),
                "redo.pdf", new io.micronaut.http.MediaType("application/pdf"), PortfolioCourse.PDF));
        course.submitPdf(tokens.get(fifth), enrollments.get(fifth), "客訴演練（重做二）", List.of("P2.3.2"));
        browser.open("/courses/" + course.id() + "/grid");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid[role='grid']")));
        List<WebElement> cells = browser.driver.findElements(By.xpath("//th[@id='r-" + enrollments.get(fifth) + "']/following-sibling::td"));

        String grid = browser.driver.getWindowHandle();
        cells.get(0).findElement(By.cssSelector("a.cell-evidence")).click();
        browser.waiting().until(driver -> driver.getWindowHandles().size() == 2);
        String evidence = browser.driver.getWindowHandles().stream().filter(handle -> !handle.equals(grid)).findFirst().orElseThrow();
        browser.driver.switchTo().window(evidence);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("judging-form")));
        assertEquals("/assess/" + first, browser.path(), "the cell's link opens the piece it judges");
        assertTrue(browser.driver.findElement(By.tagName("h1")).getText().contains("客訴演練（重做一）"));
        browser.driver.close();
        browser.driver.switchTo().window(grid);

        cells.get(0).click();
        WebElement tools = browser.driver.findElement(By.id("cell-tools"));
        assertTrue(tools.isDisplayed(), "a click on a cell shows its choices");
        browser.assertAccessible();
        browser.screenshot(SHOTS, "grid-mouse-tools");
        tools.findElement(By.cssSelector("button[data-outcome='MET']")).click();
        cells.get(1).click();
        WebElement moved = browser.driver.findElement(By.id("cell-tools"));
        assertEquals(cells.get(1), moved.findElement(By.xpath("..")), "the choices follow the clicked cell");
        moved.findElement(By.cssSelector("button[data-outcome='NOT_YET']")).click();
        assertEquals("已選擇 2 格", browser.driver.findElement(By.id("grid-status")).getText());
        moved.findElement(By.cssSelector("button[data-outcome='']")).click();
        assertEquals("已選擇 1 格", browser.driver.findElement(By.id("grid-status")).getText(), "Clear takes the choice back");
        moved.findElement(By.cssSelector("button[data-outcome='MET']")).click();
        assertEquals("已選擇 2 格", browser.driver.findElement(By.id("grid-status")).getText());
        browser.screenshot(SHOTS, "grid-mouse-chosen");
        browser.driver.findElement(By.id("save-grid")).click();

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("grid-saved")));
        assertTrue(browser.driver.findElement(By.id("grid-saved")).getText().contains("已記錄 2 筆評量"));
        assertEquals(2, met(fifth), "both cells met by clicks alone");
    }

    /** From the top of the page, Tab until the grid's current cell has the focus, as a keyboard user would. */
    private void tabIntoTheGrid() {
        for (int presses = 0; presses < 100; presses++) {
            if ("TD".equals(active().getTagName().toUpperCase()) && "grid".equals(((JavascriptExecutor) browser.driver)
                    .executeScript("return document.activeElement.closest('table').id"))) {
                return;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("the grid is not reachable with Tab");
    }

    private WebElement active() {
        return browser.driver.switchTo().activeElement();
    }

    private void press(CharSequence key) {
        active().sendKeys(key);
    }

    private int met(int learner) {
        Map<String, Object> progress = http.toBlocking().retrieve(HttpRequest.GET("/api/enrollments/" + enrollments.get(learner) + "/progress")
                .bearerAuth(tokens.get(learner)), Argument.mapOf(String.class, Object.class));
        return ((Number) ((Map<?, ?>) progress.get("summary")).get("indicatorsMet")).intValue();
    }
}
