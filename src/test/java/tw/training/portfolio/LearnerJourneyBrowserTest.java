package tw.training.portfolio;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tw.training.account.Roles;
import tw.training.testing.Browser;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §10, a learner's whole journey in a real browser: sign in with the keyboard alone, see the course and what
 * is missing, submit a PDF and a PNG claiming two indicators, see them await judgement, see them met with the
 * assessor's comment once the trainer has judged them (through the API), finish the plan and download the
 * certificate. Every page it visits passes axe-core (WCAG 2.1 A and AA); a screenshot of each step is written under
 * {@code target/screenshots/}. Then the refusals: another learner's pages, files refused in the form, a foreign
 * {@code next}.
 */
@MicronautTest(transactional = false)
@Property(name = "app.evidence.max-file-size", value = "200KB")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearnerJourneyBrowserTest {

    private static final String STANDARD = PortfolioCourse.STANDARD;
    private static final String SHOTS = "learner-journey";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private Browser browser;
    private TestUsers users;
    private String trainer;
    private String admin;
    private PortfolioCourse course;
    private long enrollment;
    private long othersEnrollment;
    private long othersEvidence;
    private long othersFile;
    private Path folder;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void buildTheCourse() throws IOException {
        users = TestUsers.of(context, http);
        trainer = users.tokenFor("journey.trainer", Roles.TRAINER);
        admin = users.tokenFor("journey.admin", Roles.ADMIN);
        users.create("journey.learner", Roles.LEARNER);
        String other = users.tokenFor("journey.other", Roles.LEARNER);
        course = PortfolioCourse.publish(http, trainer, "JOURNEY-1", "客訴處理實務");
        enrollment = course.enroll("journey.learner");
        othersEnrollment = course.enroll("journey.other");
        folder = Files.createTempDirectory("journey-files");
        Map<String, Object> others = course.submit(other, othersEnrollment, "他人的證據", List.of("P2.3.1"), "notes.png", MediaType.IMAGE_PNG_TYPE,
                Files.readAllBytes(png("notes.png")));
        othersEvidence = PortfolioCourse.id(others);
        othersFile = PortfolioCourse.id(((List<Map<String, Object>>) others.get("files")).get(0));
    }

    @BeforeEach
    void browser() {
        Browser.requireInstalled();
        if (browser == null) {
            browser = Browser.start(server.getURL().toString(), "zh-TW");
        }
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aLearnerSignsInWithTheKeyboardAndSeesWhatIsMissing() {
        browser.open("/enrollments/" + enrollment);
        browser.waiting().until(ExpectedConditions.urlContains("/signin"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "signin");
        // the keyboard alone: the username has the focus, Tab to the password, Enter to send
        new Actions(browser.driver).sendKeys("journey.learner").sendKeys(Keys.TAB).sendKeys(TestUsers.PASSWORD).sendKeys(Keys.ENTER).perform();
        browser.waiting().until(ExpectedConditions.urlContains("/enrollments/" + enrollment));

        assertEquals("0", browser.driver.findElement(By.id("course-progress")).getAttribute("value"));
        assertEquals("4", browser.driver.findElement(By.id("course-progress")).getAttribute("max"));
        WebElement first = browser.driver.findElement(By.id("indicator-P2.3.1"));
        assertTrue(first.getText().contains("未達成") && first.getText().contains("尚缺") && first.getText().contains("作品集審查"), first.getText());
        browser.assertAccessible();
        browser.screenshot(SHOTS, "course-nothing-met");

        browser.open("/home");
        assertTrue(browser.driver.findElement(By.tagName("main")).getText().contains("客訴處理實務"));
        assertEquals("0", browser.driver.findElement(By.id("progress-" + enrollment)).getAttribute("value"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "home");
    }

    @Test
    @Order(2)
    void aPdfAndAPngClaimingTwoIndicatorsAwaitJudgementThenAreMetWithTheAssessorsComment() throws IOException {
        long evidence = submit("客訴演練紀錄", List.of("P2.3.1", "P2.3.2"), List.of(pdf("drill.pdf"), png("whiteboard.png")), "evidence-form");
        assertTrue(browser.driver.findElement(By.id("evidence-state")).getText().contains("待評量"));
        assertTrue(browser.driver.findElement(By.tagName("main")).getText().contains("drill.pdf"));
        assertTrue(browser.driver.findElement(By.tagName("main")).getText().contains("whiteboard.png"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "evidence-awaiting");

        browser.open("/enrollments/" + enrollment);
        assertTrue(browser.driver.findElement(By.id("indicator-P2.3.1")).getText().contains("待評量"));

        judge(evidence, List.of("P2.3.1", "P2.3.2"), "觀察紀錄完整，處理步驟正確");
        browser.open("/enrollments/" + enrollment);
        WebElement met = browser.driver.findElement(By.id("indicator-P2.3.1"));
        assertTrue(met.getAttribute("class").contains("met"), met.getAttribute("class"));
        assertTrue(met.getText().contains("觀察紀錄完整，處理步驟正確") && met.getText().contains("已達成"), met.getText());
        assertEquals("2", browser.driver.findElement(By.id("course-progress")).getAttribute("value"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "two-met");
    }

    @Test
    @Order(3)
    void theLearnerFinishesThePlanAndDownloadsTheCertificate() throws Exception {
        long evidence = submit("客訴後續追蹤", List.of("P2.3.3", "P2.3.4"), List.of(png("follow-up.png")), "second-evidence");
        judge(evidence, List.of("P2.3.3", "P2.3.4"), "追蹤完整");
        browser.open("/enrollments/" + enrollment);
        assertEquals("4", browser.driver.findElement(By.id("course-progress")).getAttribute("value"));
        assertTrue(browser.driver.findElement(By.tagName("main")).getText().contains("您已達成本課程所有行為指標"));
        browser.screenshot(SHOTS, "plan-complete");

        PortfolioCourse.post(http, "/api/enrollments/" + enrollment + "/certificate", admin, Map.of());
        browser.open("/certificates");
        browser.assertAccessible();
        browser.screenshot(SHOTS, "certificates");
        String pdfLink = browser.driver.findElement(By.cssSelector("a[href$='/pdf']")).getAttribute("href");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<byte[]> pdf = client.send(java.net.http.HttpRequest.newBuilder(URI.create(pdfLink)).header("Cookie", browser.cookieHeader()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));

        // the public verification page, in the site's layout
        String verify = browser.driver.findElement(By.cssSelector("a[href*='/verify/']")).getAttribute("href");
        browser.open(URI.create(verify).getPath());
        assertEquals("有效", browser.driver.findElement(By.id("verification-status")).getText().strip());
        browser.assertAccessible();
        browser.screenshot(SHOTS, "verification");
    }

    @Test
    @Order(4)
    void anotherLearnersEnrollmentAndEvidenceAnswerTheNotFoundPage() {
        browser.open("/enrollments/" + othersEnrollment);
        assertEquals("找不到頁面", browser.driver.findElement(By.tagName("h1")).getText());
        browser.assertAccessible();
        browser.screenshot(SHOTS, "not-found");
        for (String path : List.of("/evidence/" + othersEvidence, "/enrollments/" + othersEnrollment + "/evidence/new",
                "/evidence/" + othersEvidence + "/files/" + othersFile)) {
            browser.open(path);
            assertEquals("找不到頁面", browser.driver.findElement(By.tagName("h1")).getText(), path);
            assertFalse(browser.driver.getPageSource().contains("他人的證據"), path);
        }
    }

    @Test
    @Order(5)
    void aFileTooLargeOrOfAForbiddenTypeIsExplainedBesideItAndTheFormKept() throws IOException {
        browser.open("/enrollments/" + enrollment + "/evidence/new");
        browser.driver.findElement(By.cssSelector("input[name='method'][value='PORTFOLIO']")).click();
        browser.driver.findElement(By.id("title")).sendKeys("太大的檔案");
        Path big = folder.resolve("big-scan.pdf");
        byte[] bytes = new byte[300 * 1024];
        new Random(7).nextBytes(bytes);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        Files.write(big, bytes);
        Path program = folder.resolve("setup.exe");
        Files.write(program, new byte[]{'M', 'Z', 0, 0});
        browser.driver.findElement(By.id("files")).sendKeys(big + "\n" + program);
        browser.waiting().until(driver -> driver.findElements(By.cssSelector("#file-list .file-error")).size() == 2);
        List<WebElement> items = browser.driver.findElements(By.cssSelector("#file-list li"));
        assertTrue(items.get(0).getText().contains("big-scan.pdf") && items.get(0).getText().contains("200 KB"), items.get(0).getText());
        assertTrue(items.get(1).getText().contains("setup.exe") && items.get(1).getText().contains("不是可接受的檔案類型"), items.get(1).getText());
        assertEquals("太大的檔案", browser.driver.findElement(By.id("title")).getAttribute("value"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "files-refused");
    }

    @Test
    @Order(6)
    void aForeignNextNeverLeavesTheSite() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/signin?next=https://evil.example/steal");
        browser.driver.findElement(By.id("username")).sendKeys("journey.learner");
        browser.driver.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD + Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("/home"));
        assertTrue(browser.driver.getCurrentUrl().startsWith(server.getURL().toString()), browser.driver.getCurrentUrl());
        assertFalse(browser.driver.getCurrentUrl().contains("evil"));

        // issue 28, point 6: a next that is no URI at all leads home too, instead of an error
        browser.driver.manage().deleteAllCookies();
        browser.open("/signin?next=%2F%20%2Fevil.example");
        browser.driver.findElement(By.id("username")).sendKeys("journey.learner");
        browser.driver.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD + Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("/home"));
        assertTrue(browser.driver.getCurrentUrl().startsWith(server.getURL().toString()), browser.driver.getCurrentUrl());
        assertFalse(browser.driver.getPageSource().contains("evil"));
    }

    /**
     * Issue 30, acceptance 4: the browser's Back after submitting, then submit again: the piece is stored once, and the
     * page says so. The form shown again is filled again where the browser did not keep it, as a person would.
     */
    @Test
    @Order(7)
    @SuppressWarnings("unchecked")
    void backAndSubmitAgainStoresOnePiece() throws IOException {
        Path file = pdf("again.pdf");
        // the plan is met by now: the course page no longer offers the form, which is still there to add evidence
        browser.open("/enrollments/" + enrollment + "/evidence/new");
        browser.driver.findElement(By.cssSelector("input[name='method'][value='PORTFOLIO']")).click();
        browser.driver.findElement(By.cssSelector("input[name='indicators'][value='" + STANDARD + ":P2.3.1']")).click();
        browser.driver.findElement(By.id("title")).sendKeys("補充紀錄（只送一次）");
        browser.driver.findElement(By.id("files")).sendKeys(file.toString());
        browser.waiting().until(driver -> driver.findElements(By.cssSelector("#file-list li")).size() == 1);
        browser.driver.findElement(By.id("submit-evidence")).click();
        browser.waiting().until(ExpectedConditions.urlContains("?submitted"));
        long first = Long.parseLong(browser.path().replaceAll("^/evidence/(\\d+).*$", "$1"));
        browser.driver.navigate().back();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("evidence-form")));
        if (!browser.driver.findElement(By.cssSelector("input[name='method'][value='PORTFOLIO']")).isSelected()) {
            browser.driver.findElement(By.cssSelector("input[name='method'][value='PORTFOLIO']")).click();
        }
        WebElement indicator = browser.driver.findElement(By.cssSelector("input[name='indicators'][value='" + STANDARD + ":P2.3.1']"));
        if (!indicator.isSelected()) {
            indicator.click();
        }
        WebElement title = browser.driver.findElement(By.id("title"));
        if (title.getAttribute("value").isEmpty()) {
            title.sendKeys("補充紀錄（只送一次）");
        }
        browser.driver.findElement(By.id("files")).sendKeys(file.toString());
        browser.waiting().until(driver -> !driver.findElements(By.cssSelector("#file-list li")).isEmpty());
        browser.driver.findElement(By.id("submit-evidence")).click();
        browser.waiting().until(ExpectedConditions.urlContains("?again"));
        assertEquals("/evidence/" + first + "?again", browser.path(), "the piece stored the first time");
        assertTrue(browser.driver.findElement(By.id("submitted-again")).isDisplayed());
        browser.assertAccessible();
        browser.screenshot(SHOTS, "submitted-again");
        List<Map<String, Object>> pieces = http.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/enrollments/" + enrollment + "/evidence")
                .bearerAuth(trainer), io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        assertEquals(1, pieces.stream().filter(p -> "補充紀錄（只送一次）".equals(p.get("title"))).count(), "stored once");
    }

    /** Submits evidence through the form (picker), waits for its page, and answers its id. */
    private long submit(String title, List<String> indicators, List<Path> files, String shot) {
        browser.open("/enrollments/" + enrollment);
        browser.driver.findElement(By.linkText("提交證據")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/evidence/new"));
        browser.driver.findElement(By.cssSelector("input[name='method'][value='PORTFOLIO']")).click();
        for (String indicator : indicators) {
            browser.driver.findElement(By.cssSelector("input[name='indicators'][value='" + STANDARD + ":" + indicator + "']")).click();
        }
        browser.driver.findElement(By.id("title")).sendKeys(title);
        browser.driver.findElement(By.id("files")).sendKeys(String.join("\n", files.stream().map(Path::toString).toList()));
        browser.waiting().until(driver -> driver.findElements(By.cssSelector("#file-list li")).size() == files.size());
        browser.assertAccessible();
        browser.screenshot(SHOTS, shot);
        browser.driver.findElement(By.id("submit-evidence")).click();
        browser.waiting().until(ExpectedConditions.urlMatches("/evidence/\\d+"));
        String path = browser.path();
        return Long.parseLong(path.replaceAll("^/evidence/(\\d+).*$", "$1"));
    }

    private void judge(long evidence, List<String> indicators, String comment) {
        course.meet(evidence, indicators, comment);
    }

    private Path pdf(String name) throws IOException {
        Path file = folder.resolve(name);
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(file.toFile());
        }
        return file;
    }

    private Path png(String name) throws IOException {
        Path file = folder.resolve(name);
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0xff0000);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
