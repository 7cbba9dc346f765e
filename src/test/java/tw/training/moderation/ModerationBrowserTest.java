package tw.training.moderation;

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
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import picocli.CommandLine;
import tw.training.account.Roles;
import tw.training.testing.Browser;
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;
import tw.training.transparency.AuditVerifyCommand;
import tw.training.transparency.TransparencyLog;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 34, acceptance 7, in a real browser (zh-TW): a moderator draws a sample, second-marks a judgement blind and
 * disagrees; the course's lead trainer resolves the disagreement with a new judgement; the statistics page flags the
 * assessor who met every indicator where the others met about half; a learner's certificates page links to the
 * inclusion proof of their certificate's issue, which {@code audit-verify} accepts. Each page is axe-clean.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationBrowserTest implements DatabaseTest {

    private static final String STANDARD = PortfolioCourse.STANDARD;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Inject
    TransparencyLog log;

    @TempDir
    Path folder;

    private Browser browser;
    private PortfolioCourse course;
    private RowCounts rows;

    /**
     * Eighteen pieces claiming the four indicators of T2.3: "mj.lenient" meets all four on six of them; "mj.even" and
     * "mj.odd" meet about half on six each (the pattern that leaves them in line with each other).
     */
    @BeforeAll
    void judgedByThreeAssessors() {
        Browser.requireInstalled();
        TestUsers users = TestUsers.of(context, http);
        String lead = users.tokenFor("mj.lead", Roles.TRAINER);
        List<String> assessors = List.of(users.tokenFor("mj.lenient", Roles.TRAINER), users.tokenFor("mj.even", Roles.TRAINER),
                users.tokenFor("mj.odd", Roles.TRAINER));
        users.tokenFor("mj.moderator", Roles.TRAINER);
        String learner = users.tokenFor("mj.learner", Roles.LEARNER);
        rows = new RowCounts(dataSource, List.of());
        course = PortfolioCourse.publish(http, lead, "MJ-1", "客訴處理實務");
        for (String name : List.of("mj.lenient", "mj.even", "mj.odd")) {
            http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course.id() + "/trainers", Map.of("username", name)).bearerAuth(lead));
        }
        http.toBlocking().exchange(HttpRequest.PUT("/api/courses/" + course.id() + "/moderators/mj.moderator", Map.of()).bearerAuth(lead));
        long enrollment = course.enroll("mj.learner");
        for (int a = 0; a < assessors.size(); a++) {
            for (int k = 0; k < 6; k++) {
                long evidence = course.submitPdf(learner, enrollment, "客訴紀錄 " + a + "-" + k, PortfolioCourse.INDICATORS);
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    boolean met = a == 0 || (a == 1 ? (k + i) % 2 == 0 : (k + i + 1) % 2 == 0 || k == 0);
                    batch.add(Map.of("evidenceId", evidence, "indicator", STANDARD + ":" + PortfolioCourse.INDICATORS.get(i),
                            "outcome", met ? "MET" : "NOT_YET", "comment", "初評"));
                }
                http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course.id() + "/judgements", batch).bearerAuth(assessors.get(a)));
            }
        }
        String admin = users.tokenFor("mj.admin", Roles.ADMIN);
        PortfolioCourse.certified(http, lead, admin, "mj.graduate", users.tokenFor("mj.graduate", Roles.LEARNER), "MJ-2");
        log.checkpoint();
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

    private void type(By where, String text) {
        WebElement field = browser.driver.findElement(where);
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void aModeratorDrawsMarksBlindTheLeadResolvesAndTheLenientAssessorIsFlagged() throws Exception {
        // the moderator finds the course and draws a sample with a seed of their choosing
        signIn("mj.moderator", "/moderation");
        browser.driver.findElement(By.linkText("客訴處理實務")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("draw-form")));
        browser.assertAccessible();
        browser.driver.findElement(By.cssSelector("#draw-form summary")).click();
        type(By.id("draw-seed"), "journey-2026");
        browser.driver.findElement(By.id("draw-sample")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reproduced")));
        assertEquals("journey-2026", browser.driver.findElement(By.id("seed")).getText());
        assertTrue(browser.driver.findElement(By.id("reproduced")).getText().contains("結果相同"));
        browser.assertAccessible();

        // a judgement the lenient assessor met, marked blind
        long item = Long.parseLong(rows.single("SELECT MIN(m.item_id) FROM moderation_item m JOIN judgement j ON j.judgement_id = m.judgement_id"
                + " JOIN app_user u ON u.user_id = j.assessor_id WHERE u.username = 'mj.lenient' AND j.outcome = 'MET'"));
        browser.driver.findElement(By.cssSelector("#item-" + item + " a")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("second-form")));
        assertTrue(browser.driver.findElements(By.id("first")).isEmpty(), "the first marking stays hidden");
        assertTrue(!browser.driver.findElement(By.tagName("main")).getText().contains("mj.lenient"), "and so does who made it");
        browser.assertAccessible();
        browser.driver.findElement(By.cssSelector("input[name='outcome'][value='NOT_YET']")).click();
        type(By.id("second-comment"), "紀錄未見顧客確認");
        assertTrue(browser.clickAndAnswer(By.id("record-second"), true).contains("無法修改"), "recording asks first");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertEquals("有歧異待裁定", browser.driver.findElement(By.id("state")).getText());
        assertTrue(browser.driver.findElement(By.id("first")).getText().contains("達成"), "shown once decided");

        // the lead trainer resolves it; a reason is required and what was chosen stays when it is missing
        signIn("mj.lead", "/moderation/items/" + item);
        browser.driver.findElement(By.cssSelector("#resolution-form input[name='outcome'][value='NOT_YET']")).click();
        browser.assertAccessible();
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("document.getElementById('resolution-reason').removeAttribute('required')");
        browser.clickAndAnswer(By.id("record-resolution"), true);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("resolution-reason-error")));
        assertTrue(browser.driver.findElement(By.cssSelector("#resolution-form input[name='outcome'][value='NOT_YET']")).isSelected());
        type(By.id("resolution-reason"), "同意複評：紀錄缺顧客確認");
        browser.clickAndAnswer(By.id("record-resolution"), true);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("resolution")));
        assertEquals("已裁定", browser.driver.findElement(By.id("state")).getText());
        assertEquals("NOT_YET", rows.single("SELECT j.outcome FROM moderation_item m JOIN judgement j ON j.judgement_id = m.resolution_judgement_id"
                + " WHERE m.item_id = " + item));

        // the statistics page flags the lenient assessor, in words
        signIn("mj.moderator", "/courses/" + course.id() + "/assessor-statistics");
        WebElement lenient = browser.driver.findElement(By.id("leniency-mj.lenient"));
        assertTrue(lenient.getAttribute("class").contains("alert") && lenient.getText().contains("寬鬆"), lenient.getText());
        assertTrue(!browser.driver.findElement(By.id("leniency-mj.even")).getAttribute("class").contains("alert"));
        browser.assertAccessible();

        // a learner's certificates page links to the inclusion proof of its issue, which audit-verify accepts
        signIn("mj.graduate", "/certificates");
        String proofUrl = browser.driver.findElement(By.cssSelector("a.inclusion-proof")).getAttribute("href");
        browser.assertAccessible();
        String proofText = http.toBlocking().retrieve(HttpRequest.GET(proofUrl.substring(proofUrl.indexOf("/transparency/"))));
        Path proof = Files.writeString(folder.resolve("proof.json"), proofText, StandardCharsets.UTF_8);
        // the checkpoint the proof is for (the scheduler may have signed a later one since)
        long size = ((Number) context.getBean(io.micronaut.serde.ObjectMapper.class).readValue(proofText, Map.class).get("size")).longValue();
        String note = http.toBlocking().retrieve(HttpRequest.GET("/transparency/checkpoints"), io.micronaut.core.type.Argument.listOf(Map.class))
                .stream().filter(c -> ((Number) c.get("size")).longValue() == size).map(c -> (String) c.get("note")).findFirst().orElseThrow();
        Path checkpoint = Files.writeString(folder.resolve("checkpoint"), note, StandardCharsets.UTF_8);
        String key = http.toBlocking().retrieve(HttpRequest.GET("/transparency/key")).strip();
        assertEquals(0, new CommandLine(new AuditVerifyCommand()).execute("inclusion", "--checkpoint", checkpoint.toString(), "--proof",
                proof.toString(), "--key", key));
    }
}
