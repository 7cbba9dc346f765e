package tw.training.thirdparty;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
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
import tw.training.testing.RowCounts;
import tw.training.testing.SentMail;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 33's pages without a browser: the form speaks the language the requester chose for the person asked; a refused
 * signing keeps what was typed; a used link answers the 410 page saying so; the asking form sent twice asks once; a
 * learner cannot record a verification; a link sends a bounded number of codes.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThirdPartyPagesTest implements DatabaseTest {

    private static final String INDICATOR = PortfolioCourse.STANDARD + ":P2.3.1";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    private long enrollment;
    private FormClient trainer;
    private FormClient learner;
    private RowCounts rows;

    @BeforeAll
    void course() {
        TestUsers users = TestUsers.of(context, http);
        String trainerToken = users.tokenFor("tpp.trainer", Roles.TRAINER);
        users.create("tpp.learner", Roles.LEARNER);
        users.create("tpp.stranger", Roles.TRAINER);
        PortfolioCourse course = PortfolioCourse.publish(http, trainerToken, "TPP-1", "客訴處理實務", List.of("PORTFOLIO", "THIRD_PARTY_REPORT"));
        enrollment = course.enroll("tpp.learner");
        rows = new RowCounts(dataSource, List.of());
        trainer = new FormClient(server.getURL().toString(), "zh-TW").signIn("tpp.trainer", TestUsers.PASSWORD);
        learner = new FormClient(server.getURL().toString(), "zh-TW").signIn("tpp.learner", TestUsers.PASSWORD);
    }

    private HttpResponse<String> ask(FormClient who, String email, String language, String key) {
        return who.postForm("/enrollments/" + enrollment + "/third-party", "submissionKey", key, "name", "Ms Chen", "email", email,
                "organisation", "Harbour Hotel", "position", "Front office manager", "relationship", "Supervisor", "language", language,
                "indicators", INDICATOR);
    }

    private String token(String email) {
        return SentMail.thirdPartyToken(rows, email);
    }

    @Test
    void theFormSpeaksTheAskedLanguageKeepsWhatWasTypedAndALinkUsedAnswersGone() {
        assertEquals(303, ask(trainer, "chen@harbour.example", "en", "form-key-0001").statusCode());
        String token = token("chen@harbour.example");
        // a browser asking for Chinese still gets the English the requester chose for this person
        FormClient person = new FormClient(server.getURL().toString(), "zh-TW");
        HttpResponse<String> page = person.get("/third-party/" + token);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Electronic Signatures Act") && page.body().contains("lang=\"en\""), page.body());

        String csrf = FormClient.cookie(page, "csrf");
        String formToken = FormClient.token(page.body());
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("_csrf", formToken), Map.entry("action", "sign"),
                Map.entry("observed:" + INDICATOR, "CONSISTENTLY"), Map.entry("examples:" + INDICATOR, "Handles group complaints weekly"),
                Map.entry("period", "Autumn 2026"), Map.entry("place", "Front desk"), Map.entry("monthsSupervised", "8")));
        HttpResponse<String> refused = person.post("/third-party/" + token, fields, Map.of("Cookie", "csrf=" + csrf));
        assertEquals(422, refused.statusCode(), "no code yet");
        assertTrue(refused.body().contains("Handles group complaints weekly") && refused.body().contains("Front desk"), "kept as typed");

        person.post("/third-party/" + token, List.of(Map.entry("_csrf", formToken), Map.entry("action", "code")), Map.of("Cookie", "csrf=" + csrf));
        String code = SentMail.code(rows, "chen@harbour.example");
        fields.addAll(List.of(Map.entry("firstHand", "yes"), Map.entry("noConflict", "yes"), Map.entry("mayContact", "yes"),
                Map.entry("signedName", "Chen Mei"), Map.entry("intent", "yes"), Map.entry("code", code)));
        HttpResponse<String> signed = person.post("/third-party/" + token, fields, Map.of("Cookie", "csrf=" + csrf));
        assertEquals(201, signed.statusCode(), signed.body());
        assertTrue(signed.body().contains("sha256:"));

        HttpResponse<String> again = person.post("/third-party/" + token, fields, Map.of("Cookie", "csrf=" + csrf));
        assertEquals(410, again.statusCode(), "signed twice");
        assertTrue(again.body().contains("只能簽署一次"), "the 410 page says why, in the browser's language: " + again.body());
        assertEquals(404, person.get("/third-party/" + "B".repeat(43)).statusCode());
    }

    @Test
    void theAskingFormSentTwiceAsksOnceAndALearnerRecordsNoVerification() {
        assertEquals(303, ask(learner, "twice@harbour.example", "zh-TW", "form-key-0002").statusCode());
        assertEquals(303, ask(learner, "twice@harbour.example", "zh-TW", "form-key-0002").statusCode());
        assertEquals("1", rows.single("SELECT COUNT(*) FROM third_party_request WHERE email = 'twice@harbour.example'"));
        assertEquals("1", rows.single("SELECT COUNT(*) FROM mail_message WHERE to_address = 'twice@harbour.example'"));
        HttpResponse<String> page = learner.get("/enrollments/" + enrollment + "/third-party");
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("class=\"verification\""), "no verification form for the learner");
        String request = rows.single("SELECT third_party_request_id FROM third_party_request WHERE email = 'twice@harbour.example'");
        assertEquals(403, learner.postForm("/third-party-requests/" + request + "/verification", "method", "PHONE", "date", "2026-12-01").statusCode());

        FormClient stranger = new FormClient(server.getURL().toString(), "zh-TW").signIn("tpp.stranger", TestUsers.PASSWORD);
        assertEquals(404, stranger.get("/enrollments/" + enrollment + "/third-party").statusCode());
        assertEquals(404, ask(stranger, "x@harbour.example", "zh-TW", "form-key-0005").statusCode());
        assertEquals(404, stranger.postForm("/third-party-requests/" + request + "/verification", "method", "PHONE", "date", "2026-12-01").statusCode());

        HttpResponse<String> refused = ask(trainer, "not an address", "zh-TW", "form-key-0003");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("not an address") && refused.body().contains("Harbour Hotel"), "kept as typed");
    }

    @Test
    void aLinkSendsABoundedNumberOfCodes() {
        assertEquals(303, ask(trainer, "codes@harbour.example", "zh-TW", "form-key-0004").statusCode());
        String token = token("codes@harbour.example");
        for (int i = 0; i < ReportSubmissions.MAX_CODES; i++) {
            http.toBlocking().exchange(HttpRequest.POST("/api/third-party/" + token + "/code", ""));
        }
        HttpClientResponseException spent = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/third-party/" + token + "/code", "")));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, spent.getStatus());
    }
}
