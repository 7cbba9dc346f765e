package tw.training.page;

import io.micronaut.context.ApplicationContext;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tw.training.account.Roles;
import tw.training.testing.Browser;
import tw.training.testing.LearningApi;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 30, point 1: every learner page on a 390×844 phone, the trainer's and the administrator's on a 768×1024 tablet.
 * On each: the page never scrolls sideways (a wide table scrolls in its own box or becomes cards), the header takes at
 * most 15% of the height, no text is squeezed narrower than two of its characters, every control is a 44 px touch
 * target, and axe-core finds nothing. Screenshots under {@code target/screenshots/phone/}. The pages are opened with
 * content in them (a portfolio, a certificate, a test taken), since an empty table fits anywhere.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmallScreensBrowserTest {

    private static final double HEADER_SHARE = 0.15;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private Browser browser;
    private PortfolioCourse portfolioCourse;
    private long certified;
    private long evidence;
    private String verification;
    private long elearning;
    private long module;
    private long lesson;
    private long test;
    private long studying;
    private long openAttempt;
    private long scoredAttempt;
    private long reported;
    private String reportLink;
    private long sample;
    private long disagreed;
    private long crosswalk;

    @BeforeAll
    void aLearnerWithSomethingOnEveryPage() {
        Browser.requireInstalled();
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("small.trainer", Roles.TRAINER);
        String admin = users.tokenFor("small.admin", Roles.ADMIN);
        String learner = users.tokenFor("small.learner", Roles.LEARNER);
        portfolioCourse = PortfolioCourse.publish(http, trainer, "SMALL-1", "客訴處理實務：從傾聽到追蹤的完整流程");
        certified = portfolioCourse.enroll("small.learner");
        evidence = portfolioCourse.submitPdf(learner, certified, "客訴演練紀錄（第一次）", PortfolioCourse.INDICATORS);
        portfolioCourse.meet(evidence, PortfolioCourse.INDICATORS, "完整，能依步驟處理顧客抱怨");
        // issue 33: a course also assessed by third-party reports, and the link its supervisor is mailed
        reported = PortfolioCourse.publish(http, trainer, "SMALL-TP", "客訴處理實務：主管觀察", List.of("PORTFOLIO", "THIRD_PARTY_REPORT"))
                .enroll("small.learner");
        PortfolioCourse.post(http, "/api/enrollments/" + reported + "/third-party-requests", learner, Map.of("name", "林主任", "email",
                "lin@small.example", "organisation", "好客大飯店股份有限公司", "position", "櫃檯主任", "relationship", "直屬主管",
                "indicators", List.of(PortfolioCourse.STANDARD + ":P2.3.1", PortfolioCourse.STANDARD + ":P2.3.2")));
        reportLink = "/third-party/" + tw.training.testing.SentMail.thirdPartyToken(new tw.training.testing.RowCounts(
                context.getBean(javax.sql.DataSource.class), List.of()), "lin@small.example");
        portfolioCourse.submitPdf(learner, certified, "補充：追蹤紀錄", List.of("P2.3.1"));
        verification = ((String) PortfolioCourse.post(http, "/api/enrollments/" + certified + "/certificate", admin, Map.of())
                .get("verificationUrl")).replaceFirst("^.*(/verify/)", "$1");

        // issue 34: a sample of the course's judgements drawn by the administrator, one second-marked in disagreement
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Taipei")).toString();
        Map<String, Object> drawn = PortfolioCourse.post(http, "/api/courses/" + portfolioCourse.id() + "/moderation/samples", admin,
                Map.of("from", today, "to", today));
        sample = PortfolioCourse.id(drawn);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) drawn.get("items")).get(0);
        disagreed = PortfolioCourse.id(first);
        PortfolioCourse.post(http, "/api/moderation/items/" + disagreed + "/second-marking", admin, Map.of("outcome", "NOT_YET",
                "comment", "紀錄中看不到顧客最後是否接受處理方式"));

        // issue 35: a revised standard and the crosswalk proposed to it
        http.toBlocking().exchange(io.micronaut.http.HttpRequest.POST("/api/standards", tw.training.revision.RevisedStandard.v5())
                .contentType(io.micronaut.http.MediaType.TEXT_PLAIN_TYPE).bearerAuth(admin));
        crosswalk = PortfolioCourse.id(PortfolioCourse.post(http, "/api/crosswalks", admin, Map.of("from", "KPS5294-001v4", "to", "KPS5294-001v5")));

        LearningApi api = new LearningApi(http);
        elearning = api.draftCourse(trainer, "SMALL-2");
        module = api.firstModule(trainer, elearning);
        lesson = LearningApi.id(api.post(trainer, "/api/courses/" + elearning + "/modules/" + module + "/materials",
                Map.of("kind", "LESSON", "title", "傾聽顧客", "markdown", "# 傾聽\n\n先**聽完**，再回應。")));
        String bank = "kind,stem,options,answer,indicators\n" + IntStream.rangeClosed(1, 4)
                .mapToObj(i -> "SINGLE_CHOICE,處理顧客抱怨時，第 " + i + " 個步驟應該是什麼？,先傾聽|先辯解|先轉介|先結案,1,KPS5294-001v4:P2.3.1")
                .collect(Collectors.joining("\n"));
        api.send(trainer, HttpRequest.POST("/api/courses/" + elearning + "/items", bank).contentType("text/csv"));
        api.post(trainer, "/api/courses/" + elearning + "/publish", Map.of());
        test = LearningApi.id(api.post(trainer, "/api/courses/" + elearning + "/tests", Map.of("title", "客訴處理筆試", "timeLimitMinutes", 20,
                "maxAttempts", 3, "indicators", List.of(Map.of("indicator", "KPS5294-001v4:P2.3.1", "items", 2, "passMark", 50)))));
        studying = LearningApi.id(api.post(trainer, "/api/courses/" + elearning + "/enrollments", Map.of("username", "small.learner")));
        scoredAttempt = LearningApi.id(api.post(learner, "/api/tests/" + test + "/attempts", Map.of()));
        api.post(learner, "/api/attempts/" + scoredAttempt + "/submission", Map.of());
        openAttempt = LearningApi.id(api.post(learner, "/api/tests/" + test + "/attempts", Map.of()));
        browser = Browser.start(server.getURL().toString(), "zh-TW");
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Opens each page and lists what keeps it from fitting, with axe-core's findings; one run names every fault. */
    private void check(List<String> paths, String size, List<String> faults) {
        for (String path : paths) {
            browser.open(path);
            browser.smallScreenFaults(HEADER_SHARE).forEach(fault -> faults.add(size + " " + path + ": " + fault));
            try {
                browser.assertAccessible();
            } catch (AssertionError violation) {
                faults.add(size + " " + path + ": " + violation.getMessage());
            }
            browser.screenshot("phone", size + path.replaceAll("[^A-Za-z0-9]+", "-"));
        }
    }

    @Test
    @Order(1)
    void everyLearnerPageFitsAPhone() {
        List<String> faults = new ArrayList<>();
        browser.emulate(390, 844, true);
        check(List.of("/", "/signin", verification, "/password/forgotten", reportLink), "390", faults);
        browser.signIn("small.learner", TestUsers.PASSWORD, "/home");
        check(List.of("/home", "/enrollments/" + certified, "/enrollments/" + certified + "/evidence/new", "/portfolio", "/evidence/" + evidence,
                "/certificates", "/account/password", "/enrollments/" + studying, "/materials/" + lesson, "/tests/" + test,
                "/attempts/" + openAttempt, "/attempts/" + scoredAttempt, "/notifications", "/account/notifications", "/enrollments/" + reported + "/third-party"),
                "390", faults);
        // the question before 交卷, reached from the open attempt
        browser.open("/attempts/" + openAttempt);
        browser.driver.findElement(By.id("submit-attempt")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-submit")));
        browser.smallScreenFaults(HEADER_SHARE).forEach(fault -> faults.add("390 submit confirmation: " + fault));
        browser.assertAccessible();
        browser.screenshot("phone", "390-attempt-submit");
        assertEquals(List.of(), faults);
    }

    /** Issue 34: moderators second-mark and read the statistics on a phone too. */
    @Test
    @Order(4)
    void theModerationPagesFitAPhone() {
        List<String> faults = new ArrayList<>();
        browser.emulate(360, 740, true);
        browser.open("/signin");
        browser.driver.manage().deleteAllCookies();
        browser.signIn("small.admin", TestUsers.PASSWORD, "/moderation");
        String c = "/courses/" + portfolioCourse.id();
        check(List.of(c + "/moderation", "/moderation/samples/" + sample, "/moderation/items/" + disagreed, c + "/assessor-statistics",
                "/crosswalks", "/crosswalks/" + crosswalk, "/catalogue/KPS5294-001v4", c + "/revision"), "360", faults);
        assertEquals(List.of(), faults);
    }

    /** Issue 30, point 9: "back to my course" from a material, a test and an attempt returns to the course, not home. */
    @Test
    @Order(2)
    void backToMyCourseReturnsToTheCourse() {
        for (String path : List.of("/materials/" + lesson, "/tests/" + test, "/attempts/" + scoredAttempt)) {
            browser.open(path);
            browser.driver.findElement(By.id("back-to-course")).click();
            browser.waiting().until(ExpectedConditions.urlContains("/enrollments/"));
            assertEquals("/enrollments/" + studying, browser.path(), "back from " + path);
        }
    }

    @Test
    @Order(2)
    void onAPhoneTheNavigationIsBehindAMenuButton() {
        browser.emulate(390, 844, true);
        browser.open("/home");
        WebElement portfolio = browser.driver.findElement(By.cssSelector("header a[href='/portfolio']"));
        assertFalse(portfolio.isDisplayed(), "the navigation is folded away");
        WebElement menu = browser.driver.findElement(By.id("menu-button"));
        assertEquals("false", menu.getAttribute("aria-expanded"));
        menu.click();
        assertEquals("true", menu.getAttribute("aria-expanded"));
        browser.waiting().until(ExpectedConditions.visibilityOf(portfolio));
        assertEquals(List.of(), browser.smallScreenFaults(1.0), "the open menu fits too");
        browser.assertAccessible();
        browser.screenshot("phone", "390-menu-open");
        portfolio.click();
        browser.waiting().until(ExpectedConditions.urlContains("/portfolio"));
    }

    @Test
    @Order(3)
    void theTrainersAndTheAdministratorsPagesFitATablet() {
        List<String> faults = new ArrayList<>();
        browser.emulate(768, 1024, true);
        browser.open("/signin");
        browser.driver.manage().deleteAllCookies();
        browser.signIn("small.trainer", TestUsers.PASSWORD, "/courses");
        String c = "/courses/" + portfolioCourse.id();
        String e = "/courses/" + elearning;
        check(List.of("/courses", c, c + "/coverage", c + "/dossier", c + "/enrollments", c + "/queue", "/assess/" + evidence, c + "/grid",
                c + "/progress", c + "/report", c + "/certificates", "/catalogue", "/catalogue/KPS5294-001v4", "/catalogue/import",
                "/courses/alignment?standardCode=KPS5294-001v4&taskCode=T2.3", "/courses/alignment?course=" + elearning + "&q=KPS",
                "/courses/alignment?course=" + elearning + "&standardCode=KPS5294-001v4", e, e + "/modules/" + module + "/materials", e + "/activity",
                e + "/tests", "/tests/" + test + "/results", "/enrollments/" + reported + "/third-party"), "768", faults);
        browser.open("/signin");
        browser.driver.manage().deleteAllCookies();
        browser.signIn("small.admin", TestUsers.PASSWORD, "/admin");
        check(List.of("/admin", "/admin/users", "/admin/audit", "/admin/settings", c + "/certificates", "/admin/users/import", "/admin/mail"), "768", faults);
        assertEquals(List.of(), faults);
    }
}
