package tw.training.catalogue;

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
import tw.training.testing.TestUsers;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue in a real browser, as an administrator uses it: search as one types (htmx swaps the table alone),
 * open a standard, import a model from its file and read the importer's warnings. axe-core on every page, a
 * screenshot of each step under {@code target/screenshots/catalogue/}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueBrowserTest {

    private static final String SHOTS = "catalogue";

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
        TestUsers.of(context, http).create("catalogue.admin", Roles.ADMIN);
        browser = Browser.start(server.getURL().toString(), "zh-TW");
        browser.signIn("catalogue.admin", TestUsers.PASSWORD, "/catalogue");
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdministratorSearchesOpensAStandardAndImportsAModelSeeingItsWarnings() {
        assertTrue(browser.driver.findElement(By.id("document-list")).getText().contains("KPS5294-001v4"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "list");

        // typing searches: htmx replaces the table, the page stays
        browser.driver.findElement(By.id("catalogue-q")).sendKeys("KMM5R0915v2");
        browser.waiting().until(driver -> !driver.findElement(By.id("document-list")).getText().contains("KPS5294-001v4"));
        assertTrue(browser.driver.findElement(By.id("document-list")).getText().contains("KMM5R0915v2"));
        browser.screenshot(SHOTS, "search");

        browser.open("/catalogue/KPS5294-001v4");
        assertTrue(browser.driver.findElement(By.id("indicator-P2.3.1")).getText().startsWith("P2.3.1"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "standard");

        browser.open("/catalogue/import");
        browser.assertAccessible();
        browser.driver.findElement(By.id("code")).sendKeys("THM4224-M02");
        browser.driver.findElement(By.id("file")).sendKeys(Path.of("src/test/resources/documents/model-night-audit.txt").toAbsolutePath().toString());
        browser.screenshot(SHOTS, "import-form");
        browser.driver.findElement(By.cssSelector("form[action='/catalogue/import'] button[type='submit']")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("warnings")));
        assertEquals(2, browser.driver.findElements(By.cssSelector("ul.warnings li")).size());
        browser.assertAccessible();
        browser.screenshot(SHOTS, "import-warnings");
    }
}
