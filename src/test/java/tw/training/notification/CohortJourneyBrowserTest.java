package tw.training.notification;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tw.training.account.Roles;
import tw.training.mail.MailSender;
import tw.training.testing.Browser;
import tw.training.testing.MailServer;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 31, acceptance 5, in a real browser with a real SMTP server: an administrator imports three learners from a
 * Big5 CSV with invitations; one learner accepts the invitation from the mail's link, chooses a password and submits
 * evidence; the assessor receives the digest and judges from its link; the learner receives the mail and sees the
 * notification in the header. axe-core on each page; screenshots under {@code target/screenshots/cohort/}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortJourneyBrowserTest implements TestPropertyProvider {

    private static final String SHOTS = "cohort";
    private static MailServer smtp;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Inject
    MailSender sender;

    @Inject
    DigestSender digests;

    @Inject
    JudgementNotices judgements;

    private final java.util.List<Browser> browsers = new java.util.ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        smtp = new MailServer();
        Map<String, String> properties = new java.util.HashMap<>(smtp.properties());
        properties.put("app.notifications.digest-every", "1h");
        return properties;
    }

    @AfterAll
    void close() {
        browsers.forEach(Browser::close);
        smtp.close();
    }

    private Browser browser() {
        Browser browser = Browser.start(server.getURL().toString(), "zh-TW");
        browsers.add(browser);
        return browser;
    }

    /** The path of the first link to {@code path} in the latest mail to {@code address} (judgements told first, as after their transaction). */
    private String linkIn(String address, String path) {
        judgements.catchUp();
        while (sender.sendBatch() > 0) {
            // everything due, however many batches
        }
        List<MailServer.Received> mails = smtp.receivedBy(address);
        assertFalse(mails.isEmpty(), "a mail to " + address);
        return URI.create(mails.get(mails.size() - 1).link(path)).getPath();
    }

    @Test
    void aCohortIsImportedInvitedJudgedAndTold() throws IOException {
        Browser.requireInstalled();
        TestUsers users = TestUsers.of(context, http);
        PortfolioCourse course = PortfolioCourse.publish(http, users.tokenFor("cohort.trainer", Roles.TRAINER), "COHORT-1", "客訴處理實務");
        users.create("cohort.admin", Roles.ADMIN);
        Path folder = Files.createTempDirectory("cohort-files");
        Path csv = folder.resolve("學員名單.csv");
        Files.writeString(csv, "帳號,姓名,電子郵件,角色,課程代碼\r\ncohort.lin,林小華,lin@example.org,學員,COHORT-1\r\n"
                + "cohort.chen,陳大同,chen@example.org,學員,COHORT-1\r\ncohort.wu,吳美玲,wu@example.org,學員,COHORT-1\r\n", Charset.forName("Big5"));

        Browser admin = browser();
        admin.signIn("cohort.admin", TestUsers.PASSWORD, "/admin/users");
        admin.driver.findElement(By.id("import-link")).click();
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-file"))).sendKeys(csv.toString());
        admin.driver.findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type='submit']")).click();
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-summary")));
        assertTrue(admin.driver.findElement(By.id("import-rows")).getText().contains("林小華"), "Big5 read as Big5");
        admin.assertAccessible();
        admin.screenshot(SHOTS, "preview");
        admin.clickAndAnswer(By.id("import-all"), true);
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
        admin.assertAccessible();
        admin.screenshot(SHOTS, "imported");

        Browser learner = browser();
        learner.open(linkIn("lin@example.org", "/invitation/"));
        learner.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("password"))).sendKeys("my own long passphrase");
        learner.driver.findElement(By.id("confirmation")).sendKeys("my own long passphrase");
        learner.assertAccessible();
        learner.screenshot(SHOTS, "choose-password");
        learner.driver.findElement(By.cssSelector("form[action^='/invitation/'] button[type='submit']")).click();
        learner.waiting().until(ExpectedConditions.urlContains("/signin?welcome"));
        assertEquals("cohort.lin", learner.driver.findElement(By.id("username")).getAttribute("value"), "the username filled in");
        learner.driver.findElement(By.id("password")).sendKeys("my own long passphrase" + org.openqa.selenium.Keys.ENTER);
        learner.waiting().until(ExpectedConditions.urlContains("/home"));
        learner.driver.findElement(By.partialLinkText("客訴處理實務")).click();
        learner.waiting().until(ExpectedConditions.urlMatches("/enrollments/\\d+"));
        learner.driver.findElement(By.linkText("提交證據")).click();
        learner.waiting().until(ExpectedConditions.urlContains("/evidence/new"));
        learner.driver.findElement(By.cssSelector("input[name='method'][value='PORTFOLIO']")).click();
        learner.driver.findElement(By.cssSelector("input[name='indicators'][value='" + PortfolioCourse.STANDARD + ":P2.3.1']")).click();
        learner.driver.findElement(By.id("title")).sendKeys("第一次客訴演練");
        Path pdf = folder.resolve("drill.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(pdf.toFile());
        }
        learner.driver.findElement(By.id("files")).sendKeys(pdf.toString());
        learner.waiting().until(driver -> driver.findElements(By.cssSelector("#file-list li")).size() == 1);
        learner.driver.findElement(By.id("submit-evidence")).click();
        learner.waiting().until(ExpectedConditions.urlMatches("/evidence/\\d+"));

        digests.send(LocalDate.now(DigestSender.TAIPEI));
        Browser assessor = browser();
        assessor.signIn("cohort.trainer", TestUsers.PASSWORD, "/courses");
        String queue = linkIn("cohort.trainer@example.org", "/queue");
        assertTrue(smtp.receivedBy("cohort.trainer@example.org").get(0).text().contains("COHORT-1 客訴處理實務：1 件佐證等待評量"));
        assessor.open(queue);
        assessor.driver.findElement(By.linkText("第一次客訴演練")).click();
        assessor.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("judging-form")));
        assessor.driver.findElement(By.cssSelector("fieldset[id='claim-P2.3.1'] input[value='MET']")).click();
        assessor.driver.findElement(By.cssSelector("fieldset[id='claim-P2.3.1'] textarea")).sendKeys("回應得體");
        assessor.driver.findElement(By.id("save-judgements")).click();
        assessor.waiting().until(ExpectedConditions.urlContains("?judged"));

        String evidence = linkIn("lin@example.org", "/evidence/");
        assertTrue(smtp.receivedBy("lin@example.org").get(1).text().contains("P2.3.1：已達成。回應得體"));
        learner.open("/home");
        assertEquals("2 則未讀", learner.driver.findElement(By.id("unread")).getText().strip(), "judged, and an indicator met");
        learner.assertAccessible();
        learner.screenshot(SHOTS, "unread");
        learner.driver.findElement(By.id("notifications-link")).click();
        learner.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("notification-list")));
        learner.assertAccessible();
        learner.screenshot(SHOTS, "notifications");
        learner.driver.findElement(By.partialLinkText("第一次客訴演練")).click();
        learner.waiting().until(ExpectedConditions.urlContains(evidence));
        assertEquals("1 則未讀", learner.driver.findElement(By.id("unread")).getText().strip(), "read once opened");
    }
}
