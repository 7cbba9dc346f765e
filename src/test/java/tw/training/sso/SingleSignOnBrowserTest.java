package tw.training.sso;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tw.training.account.AccountService;
import tw.training.account.CreateUserRequest;
import tw.training.account.Roles;
import tw.training.testing.Browser;
import tw.training.testing.DatabaseTest;
import tw.training.testing.IdentityProvider;
import tw.training.testing.TcpRelay;
import tw.training.testing.TestUsers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 32, acceptance 1 and 5: signing in through a real provider's login page in a real browser (Chromium), on H2 and,
 * in the PostgreSQL run, on PostgreSQL; the new pages axe-clean in both languages. The server is reached through a
 * relay whose address is the public one, so the redirect URI the provider returns to is the one the browser uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnBrowserTest implements DatabaseTest {

    private static final String SHOTS = "sso";

    private final List<Browser> browsers = new ArrayList<>();
    private IdentityProvider provider;
    private TcpRelay relay;
    private EmbeddedServer server;
    private String base;

    @BeforeAll
    void start() throws IOException {
        Browser.requireInstalled();
        provider = new IdentityProvider(true);
        relay = new TcpRelay(1);
        base = "http://localhost:" + relay.port();
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.putAll(provider.properties("school", "school", true));
        properties.put("micronaut.server.port", -1);
        properties.put("app.public-url", base);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        relay.to(server.getPort());
        server.getApplicationContext().getBean(AccountService.class)
                .create(new CreateUserRequest("browser.lin", "林老師", "lin.browser@school.example", TestUsers.PASSWORD, List.of(Roles.TRAINER)), null);
    }

    @AfterAll
    void stop() throws IOException {
        browsers.forEach(Browser::close);
        server.close();
        relay.close();
        provider.close();
    }

    private Browser browser(String language) {
        Browser browser = Browser.start(base, language);
        browsers.add(browser);
        return browser;
    }

    /** Through the provider's own login page: the subject typed, and the claims its form takes as JSON. */
    private void signInAtProvider(Browser browser, String subject, String claims) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.name("username"))).sendKeys(subject);
        browser.driver.findElement(By.name("claims")).sendKeys(claims);
        browser.driver.findElement(By.cssSelector("input[type='submit']")).click();
    }

    @Test
    void aTeacherSignsInWithTheSchoolAccountAndOut() {
        Browser browser = browser("zh-TW");
        browser.open("/signin");
        browser.assertAccessible();
        browser.screenshot(SHOTS, "signin");
        browser.driver.findElement(By.linkText("以 學校帳號 school 登入")).click();
        signInAtProvider(browser, "s-browser", "{\"email\":\"mei.browser@school.example\",\"email_verified\":true,\"name\":\"王美美\","
                + "\"preferred_username\":\"mei.browser\",\"groups\":[\"teachers\"]}");
        // a trainer's home is their courses
        browser.waiting().until(ExpectedConditions.urlContains("/courses"));
        assertTrue(browser.driver.getPageSource().contains("王美美"), "signed in as the new account");
        browser.screenshot(SHOTS, "home");
        browser.driver.findElement(By.cssSelector("form[action='/signout'] button")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/signedout"));
        assertTrue(browser.driver.findElement(By.id("end-session")).getAttribute("href").contains("/school/endsession"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "signed-out");
    }

    @Test
    void anExistingTeacherConfirmsTheLinkWithTheirPassword() {
        Browser browser = browser("zh-TW");
        browser.open("/signin");
        browser.driver.findElement(By.linkText("以 學校帳號 school 登入")).click();
        signInAtProvider(browser, "s-lin", "{\"email\":\"lin.browser@school.example\",\"email_verified\":true}");
        browser.waiting().until(ExpectedConditions.urlContains("/signin/link/"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "link");
        browser.driver.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD + org.openqa.selenium.Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("/courses"));
        assertTrue(browser.driver.getPageSource().contains("林老師"));
    }

    /** Acceptance 5: every page this issue added or changed, axe-clean and in the reader's language, in both languages. */
    @Test
    void everyNewPageInBothLanguages() {
        AccountService accounts = server.getApplicationContext().getBean(AccountService.class);
        accounts.create(new CreateUserRequest("browser.admin", "管理者", "admin@example.org", TestUsers.PASSWORD, List.of(Roles.ADMIN)), null);
        List<String> wrong = new ArrayList<>();
        for (String language : List.of("zh-TW", "en")) {
            String lang = language.equals("en") ? "en" : "zh-Hant-TW";
            Browser browser = browser(language);
            browser.checkPages(lang, List.of("/signin", "/signin?password", "/signin/link/no-such-token", "/signedout?provider=school",
                    "/oauth/callback/school?error=access_denied&state=none"), wrong);
            // the confirmation page exists only inside a sign-in: one per language, for a user of its own
            String username = "browser.confirm." + language.substring(0, 2).toLowerCase();
            accounts.create(new CreateUserRequest(username, "確認者", username + "@school.example", TestUsers.PASSWORD, List.of(Roles.LEARNER)), null);
            browser.open("/signin/sso/school");
            signInAtProvider(browser, "s-" + username, "{\"email\":\"" + username + "@school.example\",\"email_verified\":true}");
            browser.waiting().until(ExpectedConditions.urlContains("/signin/link/"));
            browser.checkPages(lang, List.of(browser.path()), wrong);
            browser.signIn("browser.admin", TestUsers.PASSWORD, "/admin/settings");
            browser.checkPages(lang, List.of("/admin/settings", "/admin/users?q=browser"), wrong);
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void refusalsAreReadableInEnglish() {
        Browser browser = browser("en");
        browser.open("/signin");
        browser.assertAccessible();
        browser.driver.findElement(By.linkText("Sign in with School account school")).click();
        // the address of an account here, which the provider does not say it verified
        signInAtProvider(browser, "s-unverified", "{\"email\":\"lin.browser@school.example\",\"email_verified\":false}");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sso-reason")));
        assertTrue(browser.driver.findElement(By.id("sso-reason")).getText().contains("does not say it verified"));
        browser.assertAccessible();
        browser.screenshot(SHOTS, "refused-en");
        browser.open("/signin/link/no-such-token");
        assertEquals("This link no longer works", browser.driver.findElement(By.tagName("h1")).getText());
        browser.assertAccessible();
    }
}
