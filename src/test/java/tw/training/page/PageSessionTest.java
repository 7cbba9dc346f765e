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
import tw.training.account.AccountService;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.FormClient;
import tw.training.testing.TestUsers;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §10 sessions, over plain HTTP as a browser without script sends them: the sign-in form's CSRF cookie and
 * token, the session cookie, a form posted without its token refused, the cookie worthless to the API, and a session
 * ended by signing out or by disabling its user.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageSessionTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private final java.net.http.HttpClient browser = java.net.http.HttpClient.newHttpClient();

    @BeforeAll
    void users() {
        TestUsers users = TestUsers.of(context, http);
        users.create("page.learner", Roles.LEARNER);
        users.create("page.disabled", Roles.LEARNER);
        users.create("page.changer", Roles.LEARNER);
    }

    /** Signs in through the form; answers the session cookie and the session's CSRF token. */
    private String[] signIn(String username) throws Exception {
        HttpResponse<String> form = browser.send(get("/signin", null), HttpResponse.BodyHandlers.ofString());
        String anonymous = FormClient.cookie(form, "csrf");
        HttpResponse<String> signedIn = browser.send(post("/signin", "csrf=" + anonymous,
                "_csrf=" + FormClient.token(form.body()) + "&username=" + username + "&password="
                        + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8) + "&next=/home"), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertEquals("/home", signedIn.headers().firstValue("Location").orElseThrow());
        String session = FormClient.cookie(signedIn, "session");
        String setCookie = String.join("\n", signedIn.headers().allValues("Set-Cookie"));
        assertTrue(setCookie.contains("HTTPOnly") || setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        HttpResponse<String> home = browser.send(get("/home", "session=" + session), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode());
        return new String[]{session, FormClient.token(home.body())};
    }

    @Test
    void aNextPathThatIsNoUriLeadsHomeInsteadOfFailing() {
        TestUsers.of(context, http).create("page.next", Roles.LEARNER);
        for (String next : List.of("/ /evil.example", "/a b", "/%zz", "/\u00e9<>\"{}|^`")) {
            HttpResponse<String> signedIn = new FormClient(server.getURL().toString(), "zh-TW").attemptSignIn("page.next", TestUsers.PASSWORD, next);
            assertEquals(303, signedIn.statusCode(), next + ": " + signedIn.body());
            assertEquals("/home", signedIn.headers().firstValue("Location").orElseThrow(), next);
        }
        FormClient signedIn = new FormClient(server.getURL().toString(), "zh-TW").signIn("page.next", TestUsers.PASSWORD);
        for (String next : List.of("/ /evil.example", "/%zz")) {
            HttpResponse<String> chosen = signedIn.postForm("/language", "language", "en", "next", next);
            assertEquals(303, chosen.statusCode(), next + ": " + chosen.body());
            assertEquals("/home", chosen.headers().firstValue("Location").orElseThrow(), next);
        }
        assertEquals("/courses?tab=mine", signedIn.postForm("/language", "language", "en", "next", "/courses?tab=mine").headers()
                .firstValue("Location").orElseThrow(), "a path of this site is kept");
    }

    @Test
    void aFormPostedWithoutItsTokenIsRefusedAndWithItAccepted() throws Exception {
        String[] session = signIn("page.learner");
        String change = "currentPassword=" + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8)
                + "&newPassword=another+long+passphrase&confirmation=another+long+passphrase";
        HttpResponse<String> forged = browser.send(post("/account/password", "session=" + session[0], change), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode());
        assertTrue(forged.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), "the 403 page");
        HttpResponse<String> wrong = browser.send(post("/account/password", "session=" + session[0], change + "&_csrf=not-the-token"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrong.statusCode());
        assertTrue(wrong.body().contains("這份表單已過期") && forged.body().contains("這份表單已過期"), "the 403 page says the form expired");

        HttpResponse<String> changed = browser.send(post("/account/password", "session=" + session[0], change + "&_csrf=" + session[1]),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, changed.statusCode(), changed.body());
        context.getBean(AccountService.class).resetPassword("page.learner", new tw.training.account.PasswordReset(TestUsers.PASSWORD), "test");
    }

    /** Point 5 of issue 15: the password changed through plain form posts, as a browser without script sends them. */
    @Test
    void aPasswordChangedThroughThePlainFormSignsInAndEndsTheUsersOtherSessions() {
        String base = server.getURL().toString();
        FormClient here = new FormClient(base, "zh-TW").signIn("page.changer", TestUsers.PASSWORD);
        FormClient elsewhere = new FormClient(base, "zh-TW").signIn("page.changer", TestUsers.PASSWORD);
        String newPassword = "a fresh long passphrase";

        HttpResponse<String> mismatch = here.post("/account/password", form(here, TestUsers.PASSWORD, newPassword, newPassword + "!"));
        assertEquals(422, mismatch.statusCode());
        assertTrue(mismatch.body().contains("id=\"confirmation-error\""), "the reason beside the confirmation");
        HttpResponse<String> wrongCurrent = here.post("/account/password", form(here, "not my password at all", newPassword, newPassword));
        assertEquals(422, wrongCurrent.statusCode());
        assertTrue(wrongCurrent.body().contains("id=\"currentPassword-error\""), "the reason beside the current password");
        HttpResponse<String> weak = here.post("/account/password", form(here, TestUsers.PASSWORD, "short", "short"));
        assertEquals(422, weak.statusCode());
        assertTrue(weak.body().contains("id=\"newPassword-error\""), "the reason beside the new password");

        HttpResponse<String> changed = here.post("/account/password", form(here, TestUsers.PASSWORD, newPassword, newPassword));
        assertEquals(303, changed.statusCode(), changed.body());
        assertEquals("/account/password?changed", changed.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> notice = here.get("/account/password?changed");
        assertEquals(200, notice.statusCode(), "the session that changed it goes on");
        assertTrue(notice.body().contains("class=\"notice\""));
        assertEquals(303, elsewhere.get("/home").statusCode(), "every other session of the user has ended");

        new FormClient(base, "zh-TW").signIn("page.changer", newPassword);
        HttpResponse<String> refused = new FormClient(base, "zh-TW").attemptSignIn("page.changer", TestUsers.PASSWORD);
        assertEquals(401, refused.statusCode(), "the old password no longer signs in");
    }

    private static List<Map.Entry<String, String>> form(FormClient client, String current, String next, String confirmation) {
        return List.of(Map.entry("_csrf", client.token()), Map.entry("currentPassword", current), Map.entry("newPassword", next),
                Map.entry("confirmation", confirmation));
    }

    @Test
    void theSessionCookieOpensNoApiRoute() throws Exception {
        String[] session = signIn("page.learner");
        HttpResponse<String> api = browser.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/me")).header("Accept", "application/json")
                .header("Cookie", "session=" + session[0]).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, api.statusCode());
    }

    @Test
    void signingOutOrBeingDisabledEndsTheSessionAtOnce() throws Exception {
        String[] session = signIn("page.learner");
        assertEquals(303, browser.send(post("/signout", "session=" + session[0], "_csrf=" + session[1]), HttpResponse.BodyHandlers.discarding()).statusCode());
        HttpResponse<String> after = browser.send(get("/home", "session=" + session[0]), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, after.statusCode());
        assertEquals("/signin?next=%2Fhome", after.headers().firstValue("Location").orElseThrow());

        String[] disabled = signIn("page.disabled");
        context.getBean(AccountService.class).disable("page.disabled", "test");
        assertEquals(303, browser.send(get("/home", "session=" + disabled[0]), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private HttpRequest get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept", "text/html");
        return (cookie == null ? request : request.header("Cookie", cookie)).build();
    }

    private HttpRequest post(String path, String cookie, String form) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Cookie", cookie).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }
}
