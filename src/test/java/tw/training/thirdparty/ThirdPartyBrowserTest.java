package tw.training.thirdparty;

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
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.RowCounts;
import tw.training.testing.SentMail;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 33, acceptance 5, in a real browser: a trainer asks a supervisor for a report; the supervisor, who has no
 * account, opens the mailed link, gets the code, fills the form in zh-TW and signs; the assessor sees the report with
 * its flags, records the call, judges MET with authenticity "third-party verified"; the learner's plan shows the
 * indicator met with its rules. Each new page is axe-clean on the way.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThirdPartyBrowserTest implements DatabaseTest {

    private static final String INDICATOR = PortfolioCourse.STANDARD + ":P2.3.1";
    private static final String SUPERVISOR = "lin@journey.example";

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
    private long course;
    private long enrollment;
    private RowCounts rows;

    @BeforeAll
    void aCourseAssessedByReports() {
        Browser.requireInstalled();
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("journey.trainer", Roles.TRAINER);
        users.tokenFor("journey.learner", Roles.LEARNER);
        rows = new RowCounts(dataSource, List.of());
        course = PortfolioCourse.id(PortfolioCourse.post(http, "/api/courses", trainer, Map.of("code", "JOURNEY-1", "title", "客訴處理實務", "hours", 6)));
        PortfolioCourse.post(http, "/api/courses/" + course + "/alignments", trainer, Map.of("standardCode", PortfolioCourse.STANDARD,
                "taskCode", "T2.3", "methods", List.of("THIRD_PARTY_REPORT")));
        browser = Browser.start(server.getURL().toString(), "zh-TW");
        // the course builder's sufficiency matrix: reports alone may meet these indicators
        signIn("journey.trainer", "/courses/" + course);
        for (String code : PortfolioCourse.INDICATORS) {
            WebElement alone = browser.driver.findElement(By.name("thirdPartyAlone:" + PortfolioCourse.STANDARD + ":" + code));
            if (!alone.isSelected()) {
                alone.click();
            }
        }
        browser.assertAccessible();
        browser.driver.findElement(By.id("methods-" + PortfolioCourse.STANDARD + ":T2.3")).findElement(By.cssSelector("button[type='submit']")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("currency-form")));
        assertTrue(browser.driver.findElement(By.name("thirdPartyAlone:" + INDICATOR)).isSelected(), "saved with the methods");
        PortfolioCourse.post(http, "/api/courses/" + course + "/publish", trainer, Map.of());
        enrollment = PortfolioCourse.id(PortfolioCourse.post(http, "/api/courses/" + course + "/enrollments", trainer, Map.of("username", "journey.learner")));
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

    private void type(String name, String text) {
        WebElement field = browser.driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void aSupervisorsSignedReportMeetsAnIndicatorOnceVerified() {
        // the learner finds where reports are asked for (and signs in from this machine's address, as the signer will)
        signIn("journey.learner", "/enrollments/" + enrollment);
        browser.driver.findElement(By.id("third-party-link")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("ask-form")));

        // the trainer asks
        signIn("journey.trainer", "/enrollments/" + enrollment + "/third-party");
        type("name", "林主任");
        type("email", SUPERVISOR);
        type("organisation", "好客飯店");
        type("position", "櫃檯主任");
        type("relationship", "直屬主管");
        browser.driver.findElement(By.cssSelector("input[name='indicators'][value='" + INDICATOR + "']")).click();
        browser.assertAccessible();
        browser.driver.findElement(By.id("ask-submit")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("asked")));
        assertEquals("等待報告", browser.driver.findElement(By.cssSelector(".request .status")).getText());

        // the supervisor, without an account, opens the mailed link
        String token = SentMail.thirdPartyToken(rows, SUPERVISOR);
        browser.driver.manage().deleteAllCookies();
        browser.open("/third-party/" + token);
        assertTrue(browser.driver.findElement(By.tagName("h1")).getText().contains("工作表現報告"), "in zh-TW, the language asked for");
        assertTrue(browser.driver.findElement(By.id("esign-notice")).getText().contains("電子簽章法第 5 條"));
        browser.assertAccessible();
        browser.driver.findElement(By.cssSelector("input[name='observed:" + INDICATOR + "'][value='CONSISTENTLY']")).click();
        type("examples:" + INDICATOR, "每週處理三件以上團體客客訴，流程完整並回報主管");
        type("period", "2026 年 9 月至 11 月");
        type("place", "好客飯店櫃檯");
        type("monthsSupervised", "14");
        browser.driver.findElement(By.id("send-code")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("code-sent")));
        assertEquals("好客飯店櫃檯", browser.driver.findElement(By.name("place")).getAttribute("value"), "asking for the code keeps what was typed");
        String code = SentMail.code(rows, SUPERVISOR);
        for (String box : List.of("firstHand", "noConflict", "mayContact", "intent")) {
            browser.driver.findElement(By.name(box)).click();
        }
        type("signedName", "林主任");
        type("code", code);
        assertTrue(browser.clickAndAnswer(By.id("sign-report"), true).contains("送出後無法修改"), "signing asks first");
        String hash = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("report-hash"))).getText();
        assertTrue(hash.startsWith("sha256:"));
        browser.assertAccessible();
        assertEquals(Boolean.TRUE, http.toBlocking().retrieve(HttpRequest.GET("/third-party/verify/" + hash), Map.class).get("valid"));

        // the assessor sees it with its flags and records the call
        signIn("journey.trainer", "/enrollments/" + enrollment + "/third-party");
        assertEquals("已簽署", browser.driver.findElement(By.cssSelector(".request .status")).getText());
        String flags = browser.driver.findElement(By.cssSelector(".request .flags")).getText();
        assertTrue(flags.contains("學員最近一次登入"), "signed from the address the learner signed in from: " + flags);
        new Select(browser.driver.findElement(By.name("method"))).selectByValue("PHONE");
        browser.assertAccessible();
        browser.driver.findElement(By.cssSelector("form.verification button")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verified")));
        assertTrue(browser.driver.findElement(By.cssSelector(".request")).getText().contains("以電話查證"));

        // and judges MET, authenticity "third-party verified"
        long evidence = Long.parseLong(rows.single("SELECT evidence_id FROM third_party_request WHERE email = '" + SUPERVISOR + "'"));
        browser.open("/assess/" + evidence);
        browser.driver.findElement(By.cssSelector("input[name='outcome:" + INDICATOR + "'][value='MET']")).click();
        assertEquals("THIRD_PARTY_VERIFIED", new Select(browser.driver.findElement(By.name("authenticity:" + INDICATOR)))
                .getFirstSelectedOption().getAttribute("value"), "a report's usual way");
        browser.driver.findElement(By.id("save-judgements")).click();
        browser.waiting().until(ExpectedConditions.urlContains("judged"));

        // the learner's plan shows the indicator met, with its rules
        signIn("journey.learner", "/enrollments/" + enrollment);
        WebElement indicator = browser.driver.findElement(By.id("indicator-P2.3.1"));
        assertTrue(indicator.getAttribute("class").contains("met"));
        String rules = indicator.findElement(By.cssSelector("ul.rules")).getText();
        assertTrue(rules.contains("真實性：已向第三方查證") && rules.contains("充分性：1 件") && rules.contains("時效性：完成於"), rules);
        browser.assertAccessible();
    }
}
