package tw.training.certificate;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.FormClient;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A course's certificates page (issue 16): the learner who finished is ready; an administrator issues (a trainer may
 * only look), prints, revokes with a reason (none refused); the certification report as page, PDF and CSV; another
 * trainer finds no such course and a learner is refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificatePagesTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private String page;
    private long enrollment;
    private FormClient admin;
    private FormClient trainer;
    private FormClient stranger;
    private FormClient learner;

    @BeforeAll
    void aLearnerFinished() {
        TestUsers users = TestUsers.of(context, http);
        PortfolioCourse course = PortfolioCourse.publish(http, users.tokenFor("certs.trainer", Roles.TRAINER), "CERTS-1", "客訴處理實務");
        String learnerToken = users.tokenFor("certs.learner", Roles.LEARNER);
        users.create("certs.admin", Roles.ADMIN);
        users.create("certs.stranger", Roles.TRAINER);
        enrollment = course.enroll("certs.learner");
        course.meet(course.submitPdf(learnerToken, enrollment, "完整演練", PortfolioCourse.INDICATORS), PortfolioCourse.INDICATORS, "完整");
        page = "/courses/" + course.id() + "/certificates";
        String base = server.getURL().toString();
        admin = new FormClient(base, "zh-TW").signIn("certs.admin", TestUsers.PASSWORD);
        trainer = new FormClient(base, "zh-TW").signIn("certs.trainer", TestUsers.PASSWORD);
        stranger = new FormClient(base, "zh-TW").signIn("certs.stranger", TestUsers.PASSWORD);
        learner = new FormClient(base, "zh-TW").signIn("certs.learner", TestUsers.PASSWORD);
    }

    @Test
    void anAdministratorIssuesPrintsAndRevokesATrainerOnlyLooks() {
        String seen = trainer.get(page).body();
        assertTrue(seen.contains("id=\"ready-" + enrollment + "\""), "the learner who finished is ready");
        assertFalse(seen.contains("/certificates/issue"), "a trainer has no issue button");
        assertEquals(403, trainer.postForm(page + "/issue", "enrollment", String.valueOf(enrollment)).statusCode());

        HttpResponse<String> issued = admin.postForm(page + "/issue", "enrollment", String.valueOf(enrollment));
        assertEquals(303, issued.statusCode(), issued.body());
        String after = admin.get(issued.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(after.contains("class=\"notice\"") && !after.contains("id=\"ready-" + enrollment + "\""), "issued, no longer waiting");
        String number = after.replaceAll("(?s).*id=\"certificate-([^\"]+)\".*", "$1");
        HttpResponse<byte[]> pdf = admin.getBytes(page + "/" + number + "/pdf");
        assertEquals(200, pdf.statusCode());
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        assertEquals(409, admin.postForm(page + "/issue", "enrollment", String.valueOf(enrollment)).statusCode(), "one valid certificate");

        assertEquals(422, admin.postForm(page + "/" + number + "/revocation", "reason", "").statusCode(), "a reason is required");
        assertEquals(403, trainer.postForm(page + "/" + number + "/revocation", "reason", "錯誤").statusCode());
        assertEquals(303, admin.postForm(page + "/" + number + "/revocation", "reason", "資料有誤").statusCode());
        String revoked = admin.get(page).body();
        assertTrue(revoked.contains("status-REVOKED") && revoked.contains("資料有誤"));
    }

    @Test
    void theReportOpensAsPagePdfAndCsvAndTheCohortInTheLayout() {
        String base = page.replace("/certificates", "");
        String cohort = trainer.get(base + "/progress?order=NAME").body();
        assertTrue(cohort.contains("<svg") && cohort.contains("id=\"cohort\"") && cohort.contains("<td>certs.learner</td>"), "heat map and table");
        String report = trainer.get(base + "/report").body();
        assertTrue(report.contains("certs.learner"));
        // issue 30, point 9: in the site's layout, its navigation and its main landmark around the document
        assertTrue(report.contains("<main id=\"main\">") && report.contains("id=\"site-menu\"") && report.contains("<div class=\"document\" lang=\"zh-Hant-TW\">"),
                "the report in the layout");
        HttpResponse<byte[]> csv = trainer.getBytes(base + "/report.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(new String(csv.body(), StandardCharsets.UTF_8).contains("certs.learner"));
        assertTrue(new String(csv.body(), StandardCharsets.UTF_8).startsWith("\uFEFF\"報名編號\""), "the page's language");
        assertTrue(new String(trainer.getBytes(base + "/report.csv?headers=en").body(), StandardCharsets.UTF_8).startsWith("\uFEFF\"enrollmentId\""));
        HttpResponse<byte[]> pdf = trainer.getBytes(base + "/report.pdf");
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
    }

    @Test
    void anotherTrainerFindsNoSuchCourseAndALearnerIsRefused() {
        String base = page.replace("/certificates", "");
        for (String path : List.of(page, base + "/report", base + "/report.csv", base + "/progress")) {
            assertEquals(404, stranger.get(path).statusCode(), path);
            assertEquals(403, learner.get(path).statusCode(), path);
        }
        assertEquals(403, learner.postForm(page + "/issue", "enrollment", String.valueOf(enrollment)).statusCode());
    }
}
