package tw.training.admin;

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
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, journey (c): an administrator creates a trainer and reads it in the audit trail, imports a document from
 * its file and reads its warnings, issues a certificate, revokes it with a reason and opens the certification report.
 * axe-core on each page; screenshots under
 * {@code target/screenshots/admin/}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBrowserTest {

    private static final String SHOTS = "admin";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private Browser browser;
    private PortfolioCourse course;

    @BeforeAll
    void signIn() {
        Browser.requireInstalled();
        TestUsers users = TestUsers.of(context, http);
        users.create("admin.browser", Roles.ADMIN);
        course = PortfolioCourse.publish(http, users.tokenFor("admin.course.trainer", Roles.TRAINER), "ADMIN-C", "客訴處理實務");
        String learner = users.tokenFor("admin.learner", Roles.LEARNER);
        long enrollment = course.enroll("admin.learner");
        course.meet(course.submitPdf(learner, enrollment, "完整演練", PortfolioCourse.INDICATORS), PortfolioCourse.INDICATORS, "完整");
        browser = Browser.start(server.getURL().toString(), "zh-TW");
        browser.signIn("admin.browser", TestUsers.PASSWORD, "/admin/users");
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdministratorCreatesATrainerImportsADocumentIssuesAndRevokesACertificateAndOpensTheReport() {
        browser.assertAccessible();
        browser.screenshot(SHOTS, "users");
        browser.driver.findElement(By.id("new-username")).sendKeys("admin.made.trainer");
        browser.driver.findElement(By.id("new-displayName")).sendKeys("陳講師");
        browser.driver.findElement(By.id("new-email")).sendKeys("chen@example.org");
        browser.driver.findElement(By.id("new-password")).sendKeys("a long first passphrase");
        browser.driver.findElement(By.cssSelector("form[method='post'][action='/admin/users'] input[name='roles'][value='TRAINER']")).click();
        browser.driver.findElement(By.cssSelector("form[method='post'][action='/admin/users'] button[type='submit']")).click();
        browser.waiting().until(ExpectedConditions.urlContains("done="));
        assertTrue(browser.driver.findElement(By.cssSelector("p.notice")).getText().contains("admin.made.trainer"));
        assertTrue(browser.driver.findElement(By.id("user-admin.made.trainer")).getText().contains("陳講師"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "trainer-created");

        browser.open("/admin/audit?username=admin.made.trainer");
        assertTrue(browser.driver.findElement(By.id("events")).getText().contains("建立使用者"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "audit");

        // the CASE frameworks opened to anyone on the settings page, then back to the configuration; each save answers with
        // a redirect to /admin/settings?saved, so the address tells the new page has replaced the old before it is read
        browser.open("/admin/settings");
        browser.assertAccessible();
        browser.driver.findElement(By.cssSelector("input[name='caseRead'][value='anyone']")).click();
        browser.driver.findElement(By.cssSelector("form[action='/admin/settings/case-public-read'] button[type='submit']")).click();
        browser.waiting().until(ExpectedConditions.urlContains("saved"));
        assertTrue(browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("case-read-now"))).getText().contains("任何人"), "open now");
        browser.assertAccessible();
        browser.screenshot(SHOTS, "settings");
        browser.open("/admin/settings");
        browser.driver.findElement(By.cssSelector("input[name='caseRead'][value='configured']")).click();
        browser.driver.findElement(By.cssSelector("form[action='/admin/settings/case-public-read'] button[type='submit']")).click();
        browser.waiting().until(ExpectedConditions.urlContains("saved"));
        assertTrue(browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("case-read-now"))).getText().contains("只有登入"),
                "closed again");

        // a document imported from its file, its warnings read
        browser.open("/catalogue/import");
        browser.driver.findElement(By.id("code")).sendKeys("THM4224-M02");
        browser.driver.findElement(By.id("file")).sendKeys(Path.of("src/test/resources/documents/model-night-audit.txt").toAbsolutePath().toString());
        browser.driver.findElement(By.cssSelector("form[action='/catalogue/import'] button[type='submit']")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("warnings")));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "import-warnings");

        // a certificate issued, then revoked with a reason; the report opened
        browser.open("/courses/" + course.id() + "/certificates");
        browser.assertAccessible();
        // issue 30, point 4: issuing and revoking ask first, and look apart from ordinary buttons; "no" changes nothing
        By issue = By.cssSelector("form[action$='/certificates/issue'] button");
        assertEquals("rgba(155, 28, 28, 1)", browser.driver.findElement(issue).getCssValue("background-color"), "an irreversible action looks apart");
        assertTrue(browser.clickAndAnswer(issue, false).contains("發出證書"));
        assertEquals(0, browser.driver.findElements(By.cssSelector("form[action$='/revocation']")).size(), "nothing issued on no");
        browser.clickAndAnswer(issue, true);
        browser.waiting().until(ExpectedConditions.urlContains("done=issued"));
        browser.screenshot(SHOTS, "certificate-issued");
        browser.driver.findElement(By.cssSelector("form[action$='/revocation'] input[name='reason']")).sendKeys("資料登錄錯誤");
        By revoke = By.cssSelector("form[action$='/revocation'] button");
        assertTrue(browser.clickAndAnswer(revoke, false).contains("撤銷證書"));
        assertFalse(browser.path().contains("done=revoked"), "nothing revoked on no");
        assertEquals(1, browser.driver.findElements(By.cssSelector("form[action$='/revocation']")).size(), "the certificate still stands");
        browser.clickAndAnswer(revoke, true);
        browser.waiting().until(ExpectedConditions.urlContains("done=revoked"));
        assertTrue(browser.driver.findElement(By.id("issued")).isDisplayed());
        assertTrue(browser.driver.getPageSource().contains("資料登錄錯誤"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "certificate-revoked");
        browser.open("/courses/" + course.id() + "/progress");
        assertTrue(browser.driver.findElement(By.id("cohort")).getText().contains("admin.learner"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "cohort");
        browser.open("/courses/" + course.id() + "/certificates");
        browser.driver.findElement(By.id("report-link")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/report"));
        assertTrue(browser.driver.getPageSource().contains("admin.learner"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "report");
    }
}
