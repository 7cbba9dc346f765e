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
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tw.training.account.Roles;
import tw.training.testing.Browser;
import tw.training.testing.TestUsers;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, journey (c) as far as the pages go so far: an administrator creates a trainer and reads it in the audit
 * trail (the import is {@code CatalogueBrowserTest}). axe-core on each page; screenshots under
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

    @BeforeAll
    void signIn() {
        Browser.requireInstalled();
        TestUsers.of(context, http).create("admin.browser", Roles.ADMIN);
        browser = Browser.start(server.getURL().toString(), "zh-TW");
        browser.open("/signin?next=/admin/users");
        browser.driver.findElement(By.id("username")).sendKeys("admin.browser");
        browser.driver.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD + Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("/admin/users"));
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdministratorCreatesATrainerAndFindsItInTheAuditTrail() {
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
    }
}
