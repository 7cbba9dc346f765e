package tw.training.page;

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
import tw.training.testing.FormClient.Part;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, point 2, every page of the trainers' and administrators' pages, not a sample: a learner gets the 403
 * page on each; another trainer gets the 404 page on each page of a course not theirs; a trainer gets the 403 page
 * on each administrator's page. Reads and form posts (with a valid CSRF token, so that only the rule refuses) alike.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private String course;
    private long enrollment;
    private long evidence;
    private String number;
    private long sample;
    private long item;
    private FormClient owner;
    private FormClient stranger;
    private FormClient learner;

    @BeforeAll
    void aCourseWithEverything() {
        TestUsers users = TestUsers.of(context, http);
        PortfolioCourse built = PortfolioCourse.publish(http, users.tokenFor("matrix.owner", Roles.TRAINER), "MATRIX-1", "客訴處理實務");
        String admin = users.tokenFor("matrix.admin", Roles.ADMIN);
        String learnerToken = users.tokenFor("matrix.learner", Roles.LEARNER);
        users.create("matrix.stranger", Roles.TRAINER);
        enrollment = built.enroll("matrix.learner");
        evidence = built.submitPdf(learnerToken, enrollment, "完整演練", PortfolioCourse.INDICATORS);
        built.meet(evidence, PortfolioCourse.INDICATORS, "完整");
        number = (String) PortfolioCourse.post(http, "/api/enrollments/" + enrollment + "/certificate", admin, Map.of()).get("number");
        course = "/courses/" + built.id();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Taipei")).toString();
        Map<String, Object> drawn = PortfolioCourse.post(http, course.replace("/courses", "/api/courses") + "/moderation/samples", admin,
                Map.of("from", today, "to", today));
        sample = PortfolioCourse.id(drawn);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) drawn.get("items")).get(0);
        item = PortfolioCourse.id(first);
        String base = server.getURL().toString();
        owner = new FormClient(base, "zh-TW").signIn("matrix.owner", TestUsers.PASSWORD);
        stranger = new FormClient(base, "zh-TW").signIn("matrix.stranger", TestUsers.PASSWORD);
        learner = new FormClient(base, "zh-TW").signIn("matrix.learner", TestUsers.PASSWORD);
    }

    /** Every read of a course's pages. */
    private List<String> coursePages() {
        return List.of(course, course + "?published", course + "/dossier", course + "/coverage", course + "/enrollments", course + "/enrollments?q=matrix",
                course + "/queue", course + "/grid", course + "/grid?method=PORTFOLIO&page=2", "/assess/" + evidence, course + "/progress", course + "/certificates", course + "/report",
                course + "/report.csv", course + "/report.pdf", course + "/certificates/" + number + "/pdf", course + "/moderation",
                course + "/assessor-statistics", course + "/revision");
    }

    /** Every form of a course's pages (url-encoded). */
    private List<String> courseForms() {
        return List.of(course + "/alignments", course + "/alignments/removal", course + "/methods", course + "/currency", course + "/modules", course + "/modules/removal",
                course + "/trainers", course + "/trainers/removal", course + "/publication", course + "/enrollments", course + "/grid", "/assess/" + evidence,
                course + "/moderation/validation-plan", course + "/moderators", course + "/moderation/samples",
                course + "/moderators/matrix.owner/revocation", course + "/revision/migration", course + "/revision/moves",
                course + "/revision/moves/1/reversal");
    }

    private static final List<String> TRAINER_PAGES = List.of("/catalogue", "/catalogue?q=KPS", "/catalogue/KPS5294-001v4", "/catalogue/import",
            "/crosswalks", "/crosswalks/1",
            "/courses", "/courses/alignment?standardCode=KPS5294-001v4&taskCode=T2.3");
    private static final List<String> ADMIN_PAGES = List.of("/admin/users", "/admin/users?q=matrix", "/admin/audit", "/admin/settings", "/admin",
            "/admin/mail", "/admin/mail?state=WAITING", "/admin/mail/1", "/admin/users/import");
    private static final List<String> ADMIN_FORMS = List.of("/admin/users", "/admin/users/matrix.learner/disable", "/admin/users/matrix.learner/enable",
            "/admin/users/matrix.learner/password", "/admin/users/matrix.learner/roles", "/admin/settings/case-public-read",
            "/admin/users/matrix.learner/invitation", "/admin/mail/1/retry", "/admin/users/import/run",
            "/admin/users/matrix.learner/sso-only", "/admin/users/matrix.learner/identities", "/admin/users/matrix.learner/identities/1/unlink",
            "/admin/settings/password-form");

    private List<String> adminCourseForms() {
        return List.of(course + "/certificates/issue", course + "/certificates/" + number + "/revocation");
    }

    @Test
    void aLearnerGetsTheForbiddenPageOnEveryTrainerAndAdministratorPage() {
        List<String> wrong = new ArrayList<>();
        List<String> reads = new ArrayList<>(TRAINER_PAGES);
        reads.addAll(coursePages());
        reads.addAll(ADMIN_PAGES);
        reads.forEach(path -> expect(wrong, 403, "GET " + path, learner.get(path)));
        List<String> forms = new ArrayList<>(List.of("/courses", "/courses/alignment", "/crosswalks", "/crosswalks/1/lines", "/crosswalks/1/confirmation"));
        forms.addAll(courseForms());
        forms.addAll(ADMIN_FORMS);
        forms.addAll(adminCourseForms());
        forms.forEach(path -> expect(wrong, 403, "POST " + path, post(learner, path)));
        expect(wrong, 403, "POST /catalogue/import", multipart(learner, "/catalogue/import"));
        expect(wrong, 403, "POST roster", multipart(learner, course + "/enrollments/roster"));
        assertEquals(List.of(), wrong);
        String refusal = learner.get(ADMIN_PAGES.get(0)).body();
        assertTrue(refusal.contains("您沒有權限執行這個動作") && !refusal.contains("過期"), "a refusal, not an expired form: " + refusal);
    }

    @Test
    void anotherTrainerGetsTheNotFoundPageOnEveryPageOfACourseNotTheirs() {
        List<String> wrong = new ArrayList<>();
        coursePages().forEach(path -> expect(wrong, 404, "GET " + path, stranger.get(path)));
        courseForms().forEach(path -> expect(wrong, 404, "POST " + path, post(stranger, path)));
        // a course's samples are its moderators' (issue 34)
        for (String path : List.of("/moderation/samples/" + sample, "/moderation/items/" + item)) {
            expect(wrong, 404, "GET " + path, stranger.get(path));
            expect(wrong, 403, "GET " + path + " as learner", learner.get(path));
        }
        expect(wrong, 404, "POST second marking", post(stranger, "/moderation/items/" + item + "/second-marking"));
        expect(wrong, 404, "POST resolution", post(stranger, "/moderation/items/" + item + "/resolution"));
        // the learner's third-party reports are theirs and their course's trainers' (issue 33)
        expect(wrong, 404, "GET third-party", stranger.get("/enrollments/" + enrollment + "/third-party"));
        expect(wrong, 404, "POST third-party", post(stranger, "/enrollments/" + enrollment + "/third-party"));
        expect(wrong, 404, "POST roster", multipart(stranger, course + "/enrollments/roster"));
        assertEquals(List.of(), wrong);
    }

    @Test
    void aTrainerGetsTheForbiddenPageOnEveryAdministratorPage() {
        List<String> wrong = new ArrayList<>();
        ADMIN_PAGES.forEach(path -> expect(wrong, 403, "GET " + path, owner.get(path)));
        List<String> forms = new ArrayList<>(ADMIN_FORMS);
        forms.addAll(adminCourseForms());
        forms.forEach(path -> expect(wrong, 403, "POST " + path, post(owner, path)));
        assertEquals(List.of(), wrong);
    }

    private static void expect(List<String> wrong, int status, String what, HttpResponse<String> answer) {
        FormClient.expectPage(wrong, status, what, answer);
    }

    /** A form with a valid token and fields every form of these pages reads, so that only the access rule can refuse it. */
    private static HttpResponse<String> post(FormClient client, String path) {
        return client.post(path, List.of(Map.entry("_csrf", client.token()), Map.entry("username", "matrix.learner"), Map.entry("title", "x"),
                Map.entry("hours", "1"), Map.entry("code", "X-1"), Map.entry("task", "KPS5294-001v4:T2.3"), Map.entry("methods", "PORTFOLIO"),
                Map.entry("module", "1"), Map.entry("enrollment", "1"), Map.entry("reason", "x"), Map.entry("roles", "LEARNER"),
                Map.entry("password", "a long enough passphrase"), Map.entry("standardCode", "KPS5294-001v4"), Map.entry("taskCode", "T2.4")));
    }

    private static HttpResponse<String> multipart(FormClient client, String path) {
        return client.postMultipart(path, List.of(Part.field("_csrf", client.token()), new Part("file", "x.csv", "text/csv",
                "matrix.learner\n".getBytes(StandardCharsets.UTF_8))));
    }
}
