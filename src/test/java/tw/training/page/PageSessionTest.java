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
import tw.training.testing.TestUsers;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

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
    }

    /** Signs in through the form; answers the session cookie and the session's CSRF token. */
    private String[] signIn(String username) throws Exception {
        HttpResponse<String> form = browser.send(get("/signin", null), HttpResponse.BodyHandlers.ofString());
        String anonymous = cookie(form, "csrf");
        String token = token(form.body());
        HttpResponse<String> signedIn = browser.send(post("/signin", "csrf=" + anonymous,
                "_csrf=" + token + "&username=" + username + "&password=" + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8)
                        + "&next=/home"), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertEquals("/home", signedIn.headers().firstValue("Location").orElseThrow());
        String session = cookie(signedIn, "session");
        String setCookie = String.join("\n", signedIn.headers().allValues("Set-Cookie"));
        assertTrue(setCookie.contains("HTTPOnly") || setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        HttpResponse<String> home = browser.send(get("/home", "session=" + session), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode());
        return new String[]{session, token(home.body())};
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

        HttpResponse<String> changed = browser.send(post("/account/password", "session=" + session[0], change + "&_csrf=" + session[1]),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, changed.statusCode(), changed.body());
        context.getBean(AccountService.class).resetPassword("page.learner", new tw.training.account.PasswordReset(TestUsers.PASSWORD), "test");
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

    private static String token(String page) {
        Matcher matcher = TOKEN.matcher(page);
        assertTrue(matcher.find(), "the page has a form with its CSRF token");
        return matcher.group(1);
    }

    private static String cookie(HttpResponse<?> response, String name) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(cookie -> cookie.startsWith(name + "=")).map(cookie -> cookie.substring(name.length() + 1, cookie.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies));
    }
}
