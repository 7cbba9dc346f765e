package tw.training.page;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.FormClient;
import tw.training.testing.GridForm;
import tw.training.testing.FormClient.Part;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, point 6: every page, in each state it has (empty and filled, refused forms, the error pages), rendered in
 * Traditional Chinese and in English. A message key missing from a bundle fails the page ({@link Messages}), so a
 * page that renders is a page whose every text is there; the page must also say which language it is in. Issue 30,
 * point 2: a Chinese page holds no run of three English words (refusals included), an English page no Chinese
 * punctuation outside Chinese content ({@link PageWords}).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageInBothLanguagesTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private PortfolioCourse course;
    private long enrollment;
    private long evidence;
    private String verification;
    private String number;
    private String invitation;
    private String unsubscribe;
    private long invitationMail;
    private long reportEnrollment;
    /** A live third-party link per language it was asked in, and one already used. */
    private final Map<String, String> thirdParty = new java.util.HashMap<>();
    private String signedRequest;
    private long sample;
    private long awaitingItem;
    private long disagreedItem;
    private long crosswalk;

    /** A learner who has met the whole plan and holds a certificate, and one who has begun nothing. */
    @BeforeAll
    void aFinishedLearner() {
        TestUsers users = TestUsers.of(context, http);
        course = PortfolioCourse.publish(http, users.tokenFor("languages.trainer", Roles.TRAINER), "LANG-1", "客訴處理實務");
        String admin = users.tokenFor("languages.admin", Roles.ADMIN);
        String learner = users.tokenFor("languages.learner", Roles.LEARNER);
        users.create("languages.newcomer", Roles.LEARNER);
        users.create("languages.cataloguer", Roles.TRAINER);
        enrollment = course.enroll("languages.learner");
        course.enroll("languages.newcomer");
        evidence = course.submitPdf(learner, enrollment, "客訴演練紀錄", PortfolioCourse.INDICATORS);
        course.meet(evidence, PortfolioCourse.INDICATORS, "完整");
        Map<String, Object> certificate = PortfolioCourse.post(http, "/api/enrollments/" + enrollment + "/certificate", admin, Map.of());
        verification = ((String) certificate.get("verificationUrl")).replaceFirst("^.*(/verify/)", "$1");
        number = (String) certificate.get("number");
        // with mail off (the default), the invitation waits in the outbox, where the administrator reads it
        context.getBean(tw.training.account.AccountService.class).create(new tw.training.account.CreateUserRequest("languages.invited", "受邀者",
                "invited@example.org", null, List.of(Roles.LEARNER), true, "zh-TW"), "languages.admin");
        tw.training.mail.MailMessage mail = context.getBean(tw.training.mail.Outbox.class).newest("WAITING", null, 10).stream()
                .filter(m -> m.toAddress().equals("invited@example.org")).findFirst().orElseThrow();
        invitationMail = mail.id();
        unsubscribe = context.getBean(tw.training.mail.Outbox.class).newest("WAITING", null, 50).stream()
                .filter(m -> m.unsubscribeUrl() != null).findFirst().orElseThrow().unsubscribeUrl().replaceFirst("^https?://[^/]+", "");
        invitation = mail.textBody().replaceFirst("(?s).*?https?://[^/\\s]+(/invitation/\\S+).*", "$1");
        // issue 34: a moderator, a sample of the course's four judgements, one of them second-marked in disagreement
        String moderator = users.tokenFor("languages.moderator", Roles.TRAINER);
        http.toBlocking().exchange(io.micronaut.http.HttpRequest.PUT("/api/courses/" + course.id() + "/moderators/languages.moderator", Map.of())
                .bearerAuth(users.tokenFor("languages.trainer", Roles.TRAINER)));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Taipei")).toString();
        Map<String, Object> drawn = PortfolioCourse.post(http, "/api/courses/" + course.id() + "/moderation/samples", moderator,
                Map.of("from", today, "to", today, "seed", "languages"));
        sample = PortfolioCourse.id(drawn);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) drawn.get("items");
        disagreedItem = PortfolioCourse.id(items.get(0));
        awaitingItem = PortfolioCourse.id(items.get(1));
        PortfolioCourse.post(http, "/api/moderation/items/" + disagreedItem + "/second-marking", moderator, Map.of("outcome", "NOT_YET", "comment", "未見紀錄"));
        // issue 33: a course assessed also by third-party reports, and its links
        String trainer = users.tokenFor("languages.trainer", Roles.TRAINER);
        reportEnrollment = PortfolioCourse.publish(http, trainer, "LANG-2", "客訴處理實務", List.of("PORTFOLIO", "THIRD_PARTY_REPORT"))
                .enroll("languages.learner");
        tw.training.testing.RowCounts rows = new tw.training.testing.RowCounts(context.getBean(javax.sql.DataSource.class), List.of());
        for (String asked : List.of("zh-TW", "en", "used")) {
            String address = "report-" + asked.toLowerCase() + "@languages.example";
            PortfolioCourse.post(http, "/api/enrollments/" + reportEnrollment + "/third-party-requests", trainer, Map.of("name", "林主任",
                    "email", address, "organisation", "好客飯店", "position", "櫃檯主任", "relationship", "直屬主管",
                    "indicators", List.of(PortfolioCourse.STANDARD + ":P2.3.1")));
            thirdParty.put(asked, tw.training.testing.SentMail.thirdPartyToken(rows, address));
        }
        // asked in English, after its mail was written in Chinese: the outbox's pages list mail subjects as they were sent
        try {
            rows.execute("UPDATE third_party_request SET language = 'en' WHERE email = 'report-en@languages.example'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        http.toBlocking().exchange(io.micronaut.http.HttpRequest.POST("/api/third-party/" + thirdParty.get("used") + "/code", ""));
        http.toBlocking().exchange(io.micronaut.http.HttpRequest.POST("/api/third-party/" + thirdParty.get("used") + "/report", Map.of(
                "code", tw.training.testing.SentMail.code(rows, "report-used@languages.example"), "answers", List.of(Map.of("indicator",
                        PortfolioCourse.STANDARD + ":P2.3.1", "observed", "SOMETIMES", "examples", "偶爾處理客訴")), "period", "2026 年秋",
                "place", "櫃檯", "monthsSupervised", 3, "firstHand", true, "noConflict", true, "mayContact", true, "signedName", "林主任", "intent", true)));
        signedRequest = rows.single("SELECT third_party_request_id FROM third_party_request WHERE email = 'report-used@languages.example'");
        // issue 35: a revised standard and the crosswalk proposed to it
        http.toBlocking().exchange(io.micronaut.http.HttpRequest.POST("/api/standards", tw.training.revision.RevisedStandard.v5())
                .contentType(io.micronaut.http.MediaType.TEXT_PLAIN_TYPE).bearerAuth(trainer));
        crosswalk = PortfolioCourse.id(PortfolioCourse.post(http, "/api/crosswalks", trainer, Map.of("from", "KPS5294-001v4", "to", "KPS5294-001v5")));
    }

    /** The administrator who issued the certificate. */
    private FormClient administrator(String base, String language) {
        return new FormClient(base, language).signIn("languages.admin", TestUsers.PASSWORD);
    }

    /** A save of the grid with {@code outcome} for the learner's P2.3.1, the cell's token made stale when asked. */
    private HttpResponse<String> gridSave(FormClient owner, String outcome, boolean stale) {
        String grid = "/courses/" + course.id() + "/grid";
        GridForm form = GridForm.of(owner.get(grid).body());
        String cell = form.key(enrollment, "P2.3.1");
        List<Map.Entry<String, String>> fields = new ArrayList<>(form.with(Map.of(cell, outcome), "評語"));
        if (stale) {
            fields.replaceAll(field -> field.getKey().equals("seen:" + cell) ? Map.entry(field.getKey(), "0.0.0") : field);
        }
        return owner.post(grid, fields);
    }

    /** A trainer who moderates the course. */
    private FormClient moderator(String base, String language) {
        return new FormClient(base, language).signIn("languages.moderator", TestUsers.PASSWORD);
    }

    /** The trainer who built the published course. */
    private FormClient languagesTrainer(String base, String language) {
        return new FormClient(base, language).signIn("languages.trainer", TestUsers.PASSWORD);
    }

    private static byte[] seed(String file) {
        try {
            return java.nio.file.Files.readAllBytes(java.nio.file.Path.of("seeds", file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A page and the answer it must give. */
    private record Visit(String name, int status, Supplier<HttpResponse<String>> request) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-TW", "en"})
    void everyPageRendersInTheLanguage(String language) {
        String base = server.getURL().toString();
        FormClient anonymous = new FormClient(base, language).withoutSignIn();
        FormClient learner = new FormClient(base, language).signIn("languages.learner", TestUsers.PASSWORD);
        FormClient newcomer = new FormClient(base, language).signIn("languages.newcomer", TestUsers.PASSWORD);
        FormClient cataloguer = new FormClient(base, language).signIn("languages.cataloguer", TestUsers.PASSWORD);
        String form = "/enrollments/" + enrollment + "/evidence";
        String draft = cataloguer.post("/courses", List.of(Map.entry("_csrf", cataloguer.token()), Map.entry("code", "DRAFT-" + language),
                Map.entry("title", "草稿課程"), Map.entry("hours", "3"))).headers().firstValue("Location").orElseThrow();
        cataloguer.post(draft + "/alignments", List.of(Map.entry("_csrf", cataloguer.token()), Map.entry("standardCode", "KPS5294-001v4"),
                Map.entry("taskCode", "T2.3")));
        List<Visit> visits = List.of(
                new Visit("landing", 200, () -> anonymous.get("/")),
                new Visit("landing signed in", 200, () -> learner.get("/")),
                new Visit("sign-in", 200, () -> anonymous.get("/signin?next=/home")),
                new Visit("sign-in refused", 401, () -> anonymous.attemptSignIn("languages.learner", "not the password")),
                new Visit("sign-in after a reset", 200, () -> anonymous.get("/signin?reset&username=languages.learner")),
                new Visit("forgotten password", 200, () -> anonymous.get("/password/forgotten")),
                new Visit("forgotten password, asked", 200, () -> anonymous.postForm("/password/forgotten", "address", "nobody@example.org")),
                new Visit("forgotten password refused", 422, () -> anonymous.postForm("/password/forgotten", "address", " ")),
                new Visit("a reset link that does not work", 404, () -> anonymous.get("/password/reset/no-such-token")),
                new Visit("an invitation that does not work", 404, () -> anonymous.get("/invitation/no-such-token")),
                new Visit("choosing a password", 200, () -> anonymous.get(invitation)),
                new Visit("choosing a password refused", 422, () -> anonymous.postForm(invitation, "password", "short", "confirmation", "short")),
                new Visit("choosing a password, not the same twice", 422, () -> anonymous.postForm(invitation, "password", "a long passphrase",
                        "confirmation", "another passphrase")),
                new Visit("verification, valid", 200, () -> anonymous.get(verification)),
                new Visit("verification, unknown", 200, () -> anonymous.get("/verify/no-such-code")),
                new Visit("home", 200, () -> learner.get("/home")),
                new Visit("home, nothing begun", 200, () -> newcomer.get("/home")),
                new Visit("course, plan met", 200, () -> learner.get("/enrollments/" + enrollment)),
                new Visit("evidence form", 200, () -> learner.get(form + "/new")),
                new Visit("evidence form refused", 422, () -> learner.postMultipart(form, List.of(Part.field("_csrf", learner.token()),
                        Part.field("method", "PORTFOLIO"), Part.field("title", ""), Part.file("a.pdf", "application/pdf", new byte[]{'%', 'P', 'D', 'F', '-'})))),
                new Visit("portfolio", 200, () -> learner.get("/portfolio")),
                new Visit("portfolio, filtered", 200, () -> learner.get("/portfolio?method=PORTFOLIO&state=JUDGED")),
                new Visit("portfolio, empty", 200, () -> newcomer.get("/portfolio")),
                new Visit("evidence", 200, () -> learner.get("/evidence/" + evidence)),
                new Visit("evidence, just submitted", 200, () -> learner.get("/evidence/" + evidence + "?submitted")),
                new Visit("certificates", 200, () -> learner.get("/certificates")),
                new Visit("certificates, none", 200, () -> newcomer.get("/certificates")),
                new Visit("password", 200, () -> learner.get("/account/password")),
                new Visit("password changed", 200, () -> learner.get("/account/password?changed")),
                new Visit("password refused", 422, () -> learner.post("/account/password", List.of(Map.entry("_csrf", learner.token()),
                        Map.entry("currentPassword", "wrong"), Map.entry("newPassword", "a long new passphrase"), Map.entry("confirmation", "other")))),
                new Visit("catalogue", 200, () -> cataloguer.get("/catalogue")),
                new Visit("catalogue, nothing found", 200, () -> cataloguer.get("/catalogue?q=no-such-thing&kind=MODEL")),
                new Visit("a standard", 200, () -> cataloguer.get("/catalogue/KPS5294-001v4")),
                new Visit("a unit", 200, () -> cataloguer.get("/catalogue/KMM5R0915v2")),
                new Visit("a model", 200, () -> cataloguer.get("/catalogue/KPS3322-M01")),
                new Visit("import", 200, () -> cataloguer.get("/catalogue/import")),
                new Visit("import refused", 422, () -> cataloguer.postMultipart("/catalogue/import", List.of(Part.field("_csrf", cataloguer.token()),
                        Part.field("code", ""), new Part("file", "x.txt", "text/plain", "not a document".getBytes(StandardCharsets.UTF_8))))),
                new Visit("import result", 200, () -> cataloguer.postMultipart("/catalogue/import", List.of(Part.field("_csrf", cataloguer.token()),
                        Part.field("code", "KPS3322-M01"), new Part("file", "seed.txt", "text/plain", seed("004_03b9e9d0ec7d3e2c.txt"))))),
                new Visit("my courses", 200, () -> cataloguer.get("/courses")),
                new Visit("a new course refused", 422, () -> cataloguer.post("/courses", List.of(Map.entry("_csrf", cataloguer.token()),
                        Map.entry("code", "LANG-" + language), Map.entry("title", ""), Map.entry("hours", "x")))),
                new Visit("course builder, draft", 200, () -> cataloguer.get(draft)),
                new Visit("coverage", 200, () -> cataloguer.get(draft + "/coverage")),
                new Visit("pick a document to align", 200, () -> cataloguer.get("/courses/alignment?" + draft.replace("/courses/", "course=") + "&q=KPS")),
                new Visit("pick a task to align", 200, () -> cataloguer.get("/courses/alignment?" + draft.replace("/courses/", "course=")
                        + "&standardCode=KPS5294-001v4")),
                new Visit("align a picked task", 200, () -> cataloguer.get("/courses/alignment?standardCode=KMM5R0915v2&taskCode=T1")),
                new Visit("course builder, faults", 422, () -> cataloguer.post(draft + "/publication", List.of(Map.entry("_csrf", cataloguer.token())))),
                new Visit("course builder, a refused change", 422, () -> cataloguer.post(draft + "/trainers", List.of(Map.entry("_csrf", cataloguer.token()),
                        Map.entry("username", "no.such.user")))),
                new Visit("course builder, published", 200, () -> languagesTrainer(base, language).get("/courses/" + course.id() + "?published")),
                new Visit("a course's learners", 200, () -> languagesTrainer(base, language).get("/courses/" + course.id() + "/enrollments?q=languages")),
                new Visit("a roster's report", 200, () -> {
                    FormClient owner = languagesTrainer(base, language);
                    return owner.postMultipart("/courses/" + course.id() + "/enrollments/roster", List.of(Part.field("_csrf", owner.token()),
                            new Part("file", "roster.csv", "text/csv", "languages.newcomer\nno.such.one\n".getBytes(StandardCharsets.UTF_8))));
                }),
                new Visit("an enrollment refused", 422, () -> {
                    FormClient owner = languagesTrainer(base, language);
                    return owner.post("/courses/" + course.id() + "/enrollments", List.of(Map.entry("_csrf", owner.token()), Map.entry("username", "no.such.one")));
                }),
                new Visit("an alignment refused (no method)", 422, () -> cataloguer.post(draft + "/alignments", List.of(Map.entry("_csrf", cataloguer.token()),
                        Map.entry("standardCode", "KPS5294-001v4"), Map.entry("taskCode", "T2.4")))),
                new Visit("an item file refused", 422, () -> {
                    FormClient owner = languagesTrainer(base, language);
                    return owner.postMultipart("/courses/" + course.id() + "/items/import", List.of(Part.field("_csrf", owner.token()),
                            Part.field("format", "GIFT"), new Part("file", "items.gift", "text/plain", "::Q1:: 沒有答案的題目\n".getBytes(StandardCharsets.UTF_8))));
                }),
                new Visit("a test refused", 422, () -> {
                    FormClient owner = languagesTrainer(base, language);
                    return owner.post("/courses/" + course.id() + "/tests", List.of(Map.entry("_csrf", owner.token()), Map.entry("title", "")));
                }),
                new Visit("the queue", 200, () -> languagesTrainer(base, language).get("/courses/" + course.id() + "/queue?method=PORTFOLIO")),
                new Visit("judging", 200, () -> languagesTrainer(base, language).get("/assess/" + evidence + "?judged")),
                new Visit("judging refused", 422, () -> {
                    FormClient owner = languagesTrainer(base, language);
                    return owner.post("/assess/" + evidence, List.of(Map.entry("_csrf", owner.token())));
                }),
                new Visit("the grid, saved", 200, () -> languagesTrainer(base, language).get("/courses/" + course.id() + "/grid?saved=3")),
                new Visit("the grid, empty", 200, () -> languagesTrainer(base, language).get("/courses/" + course.id() + "/grid?method=OBSERVATION")),
                new Visit("the grid, a bad filter", 422, () -> languagesTrainer(base, language).get("/courses/" + course.id() + "/grid?method=GUESSING")),
                new Visit("the grid, refused", 422, () -> gridSave(languagesTrainer(base, language), "MAYBE", false)),
                new Visit("the grid, a conflict", 409, () -> gridSave(languagesTrainer(base, language), "MET", true)),
                new Visit("users", 200, () -> administrator(base, language).get("/admin/users?done=created:languages.learner")),
                new Visit("a user refused", 422, () -> {
                    FormClient admin = administrator(base, language);
                    return admin.post("/admin/users", List.of(Map.entry("_csrf", admin.token()), Map.entry("username", "x"), Map.entry("password", "short")));
                }),
                new Visit("importing users", 200, () -> administrator(base, language).get("/admin/users/import")),
                new Visit("importing users, a preview with faults", 200, () -> {
                    FormClient admin = administrator(base, language);
                    return admin.postMultipart("/admin/users/import", List.of(Part.field("_csrf", admin.token()), Part.file("users.csv", "text/csv",
                            "帳號,姓名,電子郵件,角色\nnew.one,新學員,new@example.org,學員\nlanguages.learner,重複,x@example.org,wizard\n"
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                }),
                new Visit("importing users refused", 422, () -> {
                    FormClient admin = administrator(base, language);
                    return admin.postMultipart("/admin/users/import", List.of(Part.field("_csrf", admin.token()), Part.file("users.csv", "text/csv",
                            "帳號\nnew.one\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                }),
                new Visit("importing users, all refused", 422, () -> administrator(base, language).postForm("/admin/users/import/run",
                        "csv", "帳號,姓名,電子郵件\nlanguages.learner,重複,x@example.org\n", "mode", "all")),
                new Visit("notifications", 200, () -> learner.get("/notifications")),
                new Visit("notifications, none", 200, () -> newcomer.get("/notifications")),
                new Visit("notification choices", 200, () -> learner.get("/account/notifications?saved")),
                new Visit("notification choices refused", 422, () -> learner.postForm("/account/notifications", "EVIDENCE_JUDGED", "SOMETIMES")),
                new Visit("notification choices (trainer)", 200, () -> languagesTrainer(base, language).get("/account/notifications")),
                new Visit("an unsubscribe link", 200, () -> anonymous.get(unsubscribe)),
                new Visit("an unsubscribe link that does not work", 404, () -> anonymous.postForm(unsubscribe.replaceFirst("/[^/]+$", "/forged"))),
                new Visit("the outbox", 200, () -> administrator(base, language).get("/admin/mail")),
                new Visit("the outbox, waiting", 200, () -> administrator(base, language).get("/admin/mail?state=WAITING")),
                new Visit("a message of the outbox", 200, () -> administrator(base, language).get("/admin/mail/" + invitationMail)),
                new Visit("a message that was not refused, tried again", 409, () -> administrator(base, language)
                        .postForm("/admin/mail/" + invitationMail + "/retry")),
                new Visit("the audit trail", 200, () -> administrator(base, language).get("/admin/audit?type=LOGIN_SUCCEEDED")),
                new Visit("the settings", 200, () -> administrator(base, language).get("/admin/settings?saved")),
                new Visit("a setting refused", 422, () -> {
                    FormClient admin = administrator(base, language);
                    return admin.postForm("/admin/settings/case-public-read", "caseRead", "everyone");
                }),
                new Visit("the provider refused", 422, () -> {
                    FormClient admin = administrator(base, language);
                    return admin.post("/admin/settings/provider", List.of(Map.entry("_csrf", admin.token()), Map.entry("name", "訓練單位"),
                            Map.entry("signatoryName", ""), Map.entry("signatoryTitle", "主任")));
                }),
                new Visit("a course's certificates (administrator)", 200, () -> administrator(base, language).get("/courses/" + course.id()
                        + "/certificates?done=issued:X-1")),
                new Visit("a course's certificates (trainer)", 200, () -> languagesTrainer(base, language).get("/courses/" + course.id() + "/certificates")),
                new Visit("a revocation refused", 422, () -> {
                    FormClient admin = administrator(base, language);
                    return admin.post("/courses/" + course.id() + "/certificates/" + number + "/revocation", List.of(Map.entry("_csrf", admin.token()),
                            Map.entry("reason", "")));
                }),
                new Visit("a course's cohort", 200, () -> languagesTrainer(base, language).get("/courses/" + course.id() + "/progress?order=STATUS")),
                new Visit("third-party reports (learner)", 200, () -> learner.get("/enrollments/" + reportEnrollment + "/third-party?asked")),
                new Visit("third-party reports (assessor)", 200, () -> languagesTrainer(base, language).get("/enrollments/" + reportEnrollment
                        + "/third-party?verified")),
                new Visit("a third-party request refused", 422, () -> learner.postForm("/enrollments/" + reportEnrollment + "/third-party",
                        "name", "", "email", "not an address")),
                new Visit("a verification refused", 422, () -> languagesTrainer(base, language).postForm("/third-party-requests/" + signedRequest
                        + "/verification", "method", "TELEPATHY", "date", "someday")),
                new Visit("a third-party report's form", 200, () -> anonymous.get("/third-party/" + thirdParty.get(language))),
                new Visit("a third-party report refused", 422, () -> anonymous.postForm("/third-party/" + thirdParty.get(language), "action", "sign")),
                new Visit("a third-party link used", 410, () -> anonymous.get("/third-party/" + thirdParty.get("used"))),
                new Visit("the courses one moderates", 200, () -> moderator(base, language).get("/moderation")),
                new Visit("a course's moderation (lead)", 200, () -> languagesTrainer(base, language).get("/courses/" + course.id() + "/moderation?saved=plan")),
                new Visit("a course's moderation (moderator)", 200, () -> moderator(base, language).get("/courses/" + course.id() + "/moderation?saved=revoked")),
                new Visit("a validation plan refused", 422, () -> languagesTrainer(base, language).postForm("/courses/" + course.id()
                        + "/moderation/validation-plan", "lastValidated", "someday", "validator", "languages.trainer")),
                new Visit("a moderator refused", 422, () -> languagesTrainer(base, language).postForm("/courses/" + course.id() + "/moderators",
                        "username", "languages.learner")),
                new Visit("a draw refused", 422, () -> moderator(base, language).postForm("/courses/" + course.id() + "/moderation/samples",
                        "from", "", "to", "someday", "confidence", "2")),
                new Visit("a sample", 200, () -> moderator(base, language).get("/moderation/samples/" + sample)),
                new Visit("a sampled judgement, blind", 200, () -> moderator(base, language).get("/moderation/items/" + awaitingItem)),
                new Visit("a second marking refused", 422, () -> moderator(base, language).postForm("/moderation/items/" + awaitingItem
                        + "/second-marking", "outcome", "")),
                new Visit("a disagreement to resolve", 200, () -> administrator(base, language).get("/moderation/items/" + disagreedItem + "?saved=second")),
                new Visit("a resolution refused", 422, () -> administrator(base, language).postForm("/moderation/items/" + disagreedItem
                        + "/resolution", "outcome", "NOT_YET", "reason", "")),
                new Visit("assessor statistics", 200, () -> moderator(base, language).get("/courses/" + course.id() + "/assessor-statistics")),
                new Visit("assessor statistics, a bad period", 422, () -> moderator(base, language).get("/courses/" + course.id()
                        + "/assessor-statistics?from=someday")),
                new Visit("the crosswalks", 200, () -> languagesTrainer(base, language).get("/crosswalks")),
                new Visit("a crosswalk to review", 200, () -> languagesTrainer(base, language).get("/crosswalks/" + crosswalk + "?saved=lines")),
                new Visit("a crosswalk from the current version refused", 422, () -> languagesTrainer(base, language).postForm("/crosswalks",
                        "from", "KPS5294-001v5")),
                new Visit("a crosswalk's lines refused", 422, () -> languagesTrainer(base, language).postForm("/crosswalks/" + crosswalk + "/lines",
                        "kind-0", "TASK", "from-0", "T1.1", "relation-0", "EQUIVALENT", "to-0", "T9.9", "note-0", "")),
                new Visit("a revised standard's page of a course", 200, () -> languagesTrainer(base, language).get("/courses/" + course.id() + "/revision")),
                new Visit("a course moved through an unconfirmed crosswalk refused", 409, () -> languagesTrainer(base, language).postForm("/courses/"
                        + course.id() + "/revision/migration", "crosswalk", String.valueOf(crosswalk))),
                new Visit("not found", 404, () -> learner.get("/enrollments/987654")),
                new Visit("forbidden (a learner in the catalogue)", 403, () -> learner.get("/catalogue")),
                new Visit("forbidden (no CSRF token)", 403, () -> learner.post("/account/password", List.of(Map.entry("currentPassword", "x")))));
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        for (Visit visit : visits) {
            checks.add(() -> {
                HttpResponse<String> page = visit.request().get();
                assertEquals(visit.status(), page.statusCode(), () -> visit.name() + " in " + language + ": " + page.body());
                assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), visit.name());
                String lang = language.equals("en") ? "lang=\"en\"" : "lang=\"zh-Hant-TW\"";
                assertTrue(page.body().contains("<html " + lang + ">"), () -> visit.name() + " says it is in " + language);
                assertTrue(page.body().contains("</html>"), () -> visit.name() + " rendered to its end");
                List<String> foreign = language.equals("en") ? PageWords.chinesePunctuation(page.body()) : PageWords.englishRuns(page.body());
                assertEquals(List.of(), foreign, () -> visit.name() + " in " + language + " speaks another language");
            });
        }
        assertAll(checks);
    }
}
