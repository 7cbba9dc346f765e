package tw.training.sso;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.AccountService;
import tw.training.account.CreateUserRequest;
import tw.training.account.Roles;
import tw.training.account.UserResponse;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEvent;
import tw.training.account.audit.SecurityEventType;
import tw.training.testing.DatabaseTest;
import tw.training.testing.FormClient;
import tw.training.testing.IdentityProvider;
import tw.training.testing.RowCounts;
import tw.training.testing.SignInFlow;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in through a real OpenID Connect provider in the test JVM (issue 32): just-in-time accounts with roles from a
 * claim, linking after the local user's password, SSO-only users, disabling, the audit trail, and every refusal the
 * protocol and the identity rules owe (acceptance 2 and 3). The HTTP steps are a browser's, one redirect at a time.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnTest implements DatabaseTest {

    private static final Pattern LINK = Pattern.compile("^/signin/link/([A-Za-z0-9_-]+)$");

    private static IdentityProvider provider;
    /** A second provider whose keys no configured provider publishes: what it signs, nobody here accepts. */
    private static IdentityProvider stranger;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    AccountService accounts;

    @Inject
    SecurityAudit audit;

    @Inject
    DataSource dataSource;

    private String admin;

    @Override
    public Map<String, String> getProperties() {
        // asked more than once by the test framework: the providers the configuration names are the ones kept
        if (provider == null) {
            provider = new IdentityProvider();
            stranger = new IdentityProvider();
        }
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.putAll(provider.properties("school", "school", true));
        properties.putAll(provider.properties("partner", "partner", false));
        // the issuer's discovery names its keys; this provider is told to trust another set instead
        properties.putAll(provider.properties("forged", "forged", true));
        properties.put("micronaut.security.oauth2.clients.forged.openid.jwks-uri", stranger.jwks("forged"));
        // its tokens come from another issuer's token endpoint: signed by a key known here, under the wrong issuer
        properties.putAll(provider.properties("elsewhere", "elsewhere", true));
        properties.put("micronaut.security.oauth2.clients.elsewhere.openid.token.url", provider.issuer("school") + "/token");
        return properties;
    }

    @BeforeAll
    void users() {
        admin = TestUsers.of(context, http).tokenFor("sso.admin", Roles.ADMIN);
    }

    @AfterAll
    void stop() {
        provider.close();
        stranger.close();
        provider = null;
        stranger = null;
    }

    private String login(String name) {
        return server.getURL() + "/oauth/login/" + name;
    }

    private HttpResponse<String> signIn(SignInFlow browser, String name) {
        return browser.get(callback(browser, name));
    }

    /** Through the provider and back to this server (the public address may be another's, as in the PostgreSQL run). */
    private String callback(SignInFlow browser, String name) {
        return SignInFlow.at(server.getURL().toString(), browser.callbackFrom(login(name)));
    }

    private static String reason(HttpResponse<String> page) {
        Matcher matcher = Pattern.compile("id=\"sso-reason\">([^<]*)<").matcher(page.body());
        return matcher.find() ? matcher.group(1) : "(no reason on the page: " + page.statusCode() + ")";
    }

    private void assertRefused(HttpResponse<String> answer, String expectedWords) {
        assertEquals(403, answer.statusCode(), answer::body);
        assertTrue(reason(answer).contains(expectedWords), () -> reason(answer));
        assertFalse(answer.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("session=") && !c.startsWith("session=;")),
                "no session is opened");
    }

    private List<SecurityEvent> events(SecurityEventType type) {
        return audit.list(type, null, 500);
    }

    private UserResponse user(String username) {
        return accounts.get(username);
    }

    @Test
    void aFirstSignInMakesAnAccountWithRolesFromTheClaimAndTheSamePageSession() {
        SignInFlow browser = new SignInFlow();
        provider.next("school", "s-1001", Map.of("email", "mei@school.example", "email_verified", true, "name", "王小美",
                "preferred_username", "mei.wang", "groups", List.of("teachers", "staff")));
        HttpResponse<String> answer = signIn(browser, "school");
        assertEquals(303, answer.statusCode(), answer::body);
        assertEquals("/home", SignInFlow.location(answer));
        UserResponse mei = user("mei.wang");
        assertEquals(List.of(Roles.TRAINER), mei.roles());
        assertEquals("王小美", mei.displayName());
        assertTrue(mei.ssoOnly(), "a just-in-time account has no password here");
        // the same page session as a password sign-in: the page opens, its forms carry the session's CSRF token
        HttpResponse<String> home = browser.get(server.getURL() + "/account/password");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("name=\"_csrf\""));
        assertTrue(events(SecurityEventType.SSO_ACCOUNT_CREATED).stream().anyMatch(e -> "mei.wang".equals(e.subject())
                && e.detail().contains("s-1001") && e.detail().contains(provider.issuer("school"))));
        assertTrue(events(SecurityEventType.SSO_SIGNED_IN).stream().anyMatch(e -> "mei.wang".equals(e.subject())));

        // a second sign-in with the same subject finds the same user, whatever its e-mail says now
        SignInFlow again = new SignInFlow();
        provider.next("school", "s-1001", Map.of("email", "mei.new@school.example", "email_verified", true, "preferred_username", "someone"));
        assertEquals(303, signIn(again, "school").statusCode());
        assertEquals(1, accounts.search("mei", null, null, 50, 0).size());
    }

    @Test
    void aClaimThatWouldGrantAdminWithoutConfigurationGrantsLearner() {
        provider.next("school", "s-2002", Map.of("email", "root@school.example", "email_verified", true, "preferred_username", "root",
                "groups", List.of("ADMIN", "admin", "Administrators")));
        assertEquals(303, signIn(new SignInFlow(), "school").statusCode());
        assertEquals(List.of(Roles.LEARNER), user("root").roles());
    }

    @Test
    void anExistingUserIsLinkedOnlyAfterTheirPassword() {
        accounts.create(new CreateUserRequest("lin", "林老師", "Lin@School.example", TestUsers.PASSWORD, List.of(Roles.TRAINER)), null);
        SignInFlow browser = new SignInFlow();
        provider.next("school", "s-3003", Map.of("email", "lin@school.example", "email_verified", true, "preferred_username", "lin.t"));
        HttpResponse<String> answer = signIn(browser, "school");
        assertEquals(303, answer.statusCode(), answer::body);
        Matcher link = LINK.matcher(SignInFlow.location(answer));
        assertTrue(link.matches(), SignInFlow.location(answer));
        assertTrue(browser.cookie("session").isEmpty(), "not signed in before the password");
        assertEquals(0, linked("s-3003"));

        String page = server.getURL() + SignInFlow.location(answer);
        HttpResponse<String> form = browser.get(page);
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("lin@school.example") && form.body().contains("lin"));
        String csrf = token(form.body());

        HttpResponse<String> wrong = browser.post(page, Map.of("_csrf", csrf, "password", "not the password at all"));
        assertEquals(401, wrong.statusCode());
        assertEquals(0, linked("s-3003"));

        HttpResponse<String> right = browser.post(page, Map.of("_csrf", csrf, "password", TestUsers.PASSWORD));
        assertEquals(303, right.statusCode(), right::body);
        assertTrue(browser.cookie("session").isPresent());
        assertEquals(1, linked("s-3003"));
        assertTrue(events(SecurityEventType.SSO_LINKED).stream().anyMatch(e -> "lin".equals(e.subject()) && e.detail().contains("s-3003")));

        // spent: the same link links nothing twice
        assertEquals(410, browser.get(page).statusCode());
        // from now on the provider alone signs lin in
        SignInFlow later = new SignInFlow();
        provider.next("school", "s-3003", Map.of("email", "lin@school.example", "email_verified", true));
        HttpResponse<String> direct = signIn(later, "school");
        assertEquals(303, direct.statusCode());
        assertEquals("/home", SignInFlow.location(direct));
        assertTrue(later.get(server.getURL() + "/account/password").body().contains("林老師"), "signed in as lin");
    }

    private long linked(String subject) {
        return Long.parseLong(new RowCounts(dataSource, List.of()).single("SELECT COUNT(*) FROM external_identity WHERE subject = '" + subject + "'"));
    }

    private static String token(String body) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(body);
        assertTrue(matcher.find(), "a form with a CSRF token");
        return matcher.group(1);
    }

    @Test
    void anUnverifiedAddressLinksNothing() {
        accounts.create(new CreateUserRequest("chen", "陳同學", "chen@school.example", TestUsers.PASSWORD, List.of(Roles.LEARNER)), null);
        provider.next("school", "s-4004", Map.of("email", "chen@school.example", "email_verified", false));
        assertRefused(signIn(new SignInFlow(), "school"), "does not say it verified");
        provider.next("school", "s-4005", Map.of("email", "chen@school.example"));
        assertRefused(signIn(new SignInFlow(), "school"), "does not say it verified");
        assertEquals(0, linked("s-4004") + linked("s-4005"));
        assertTrue(events(SecurityEventType.SSO_REFUSED).stream().anyMatch(e -> "chen".equals(e.subject()) && e.detail().contains("s-4004")));
    }

    @Test
    void aProviderWithoutJustInTimeAccountsSaysWhomToAsk() {
        provider.next("partner", "p-1", Map.of("email", "nobody@partner.example", "email_verified", true));
        HttpResponse<String> answer = signIn(new SignInFlow(), "partner");
        assertRefused(answer, "not made automatically");
        assertTrue(answer.body().contains("it@school.example"), "the page names whom to ask");
    }

    @Test
    void aWrongStateIsRefused() {
        SignInFlow browser = new SignInFlow();
        // no token is asked for: the state is refused before the code is exchanged
        String callback = callback(browser, "school");
        String tampered = callback.replaceFirst("state=[^&]+", "state=eyJub25jZSI6ImZvcmdlZCJ9");
        assertRefused(browser.get(tampered), "could not be matched");
        assertThrows(tw.training.problem.NotFoundException.class, () -> user("state"));
    }

    @Test
    void aReplayedCodeIsRefused() {
        SignInFlow browser = new SignInFlow();
        provider.next("school", "s-6006", Map.of("email", "replay@school.example", "email_verified", true, "preferred_username", "replay"));
        String callback = callback(browser, "school");
        // the browser's cookies of this sign-in, as an attacker who copied them would send them again
        String cookies = "OAUTH2_STATE=" + browser.cookie("OAUTH2_STATE").orElseThrow() + "; OPENID_NONCE=" + browser.cookie("OPENID_NONCE").orElseThrow()
                + "; OAUTH2_PKCE=" + browser.cookie("OAUTH2_PKCE").orElseThrow();
        assertEquals(303, browser.get(callback).statusCode());
        HttpResponse<String> replayed = SignInFlow.getWithCookies(callback, cookies);
        assertEquals(403, replayed.statusCode(), replayed::body);
        assertFalse(replayed.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("session=") && !c.startsWith("session=;")));
        // and from the same browser, whose sign-in cookies were cleared, it is not matched at all
        assertRefused(browser.get(callback), "could not be matched");
    }

    @Test
    void anIdTokenWithAWrongNonceIsRefused() {
        provider.next("school", "s-7007", Map.of("email", "nonce@school.example", "email_verified", true, "nonce", "not-the-one-sent"));
        assertRefused(signIn(new SignInFlow(), "school"), "failed a security check");
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() {
        provider.next("school", "s-8008", List.of("another-service"), Map.of("email", "aud@school.example", "email_verified", true,
                "aud", List.of("another-service")), 3600);
        assertRefused(signIn(new SignInFlow(), "school"), "failed a security check");
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        provider.next("school", "s-9009", List.of(IdentityProvider.CLIENT_ID), Map.of("email", "old@school.example", "email_verified", true), -600);
        assertRefused(signIn(new SignInFlow(), "school"), "failed a security check");
    }

    @Test
    void anIdTokenSignedByAnotherKeyIsRefused() {
        provider.next("forged", "f-1", Map.of("email", "forged@school.example", "email_verified", true));
        assertRefused(signIn(new SignInFlow(), "forged"), "failed a security check");
    }

    @Test
    void anIdTokenOfAnUnknownIssuerIsRefused() {
        provider.next("school", "e-1", Map.of("email", "elsewhere@school.example", "email_verified", true));
        assertRefused(signIn(new SignInFlow(), "elsewhere"), "failed a security check");
        assertTrue(events(SecurityEventType.SSO_REFUSED).stream().anyMatch(e -> e.detail().contains(provider.issuer("elsewhere"))));
    }

    @Test
    void aCancelledSignInAtTheProviderIsAPageNotAnError() {
        SignInFlow browser = new SignInFlow();
        browser.get(login("school"));
        HttpResponse<String> answer = browser.get(server.getURL() + "/oauth/callback/school?error=access_denied&state=x");
        assertRefused(answer, "cancelled or refused");
    }

    @Test
    void anSsoOnlyUserCannotUseAPassword() {
        accounts.create(new CreateUserRequest("wu.li", "吳同學", "wu@example.org", TestUsers.PASSWORD, List.of(Roles.LEARNER)), null);
        TestUsers users = TestUsers.of(context, http);
        users.login("wu.li", TestUsers.PASSWORD);
        http.toBlocking().exchange(HttpRequest.PUT("/api/users/wu.li/sso-only", Map.of("ssoOnly", true)).bearerAuth(admin));
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> users.login("wu.li", TestUsers.PASSWORD));
        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
        assertTrue(events(SecurityEventType.LOGIN_REFUSED_SSO_ONLY).stream().anyMatch(e -> "wu.li".equals(e.subject())));
        assertTrue(events(SecurityEventType.SSO_ONLY_CHANGED).stream().anyMatch(e -> "wu.li".equals(e.subject())));
    }

    @Test
    void disablingALinkedUserEndsTheirSessionAtOnce() {
        SignInFlow browser = new SignInFlow();
        provider.next("school", "s-1111", Map.of("email", "huang@school.example", "email_verified", true, "preferred_username", "huang"));
        assertEquals(303, signIn(browser, "school").statusCode());
        assertEquals(200, browser.get(server.getURL() + "/account/password").statusCode());
        http.toBlocking().exchange(HttpRequest.POST("/api/users/huang/disable", "").bearerAuth(admin));
        HttpResponse<String> after = browser.get(server.getURL() + "/account/password");
        assertEquals(303, after.statusCode(), "signed out: sent to the sign-in page");
        assertTrue(SignInFlow.location(after).startsWith("/signin"));
        // and the provider cannot sign them in again
        provider.next("school", "s-1111", Map.of("email", "huang@school.example", "email_verified", true));
        assertRefused(signIn(new SignInFlow(), "school"), "is disabled");
    }

    @Test
    void anAdministratorLinksAndUnlinksIdentities() {
        accounts.create(new CreateUserRequest("tsai", "蔡老師", "tsai@example.org", TestUsers.PASSWORD, List.of(Roles.TRAINER)), null);
        var linked = http.toBlocking().exchange(HttpRequest.POST("/api/users/tsai/identities", Map.of("provider", "partner", "subject", "p-77"))
                .bearerAuth(admin), Map.class);
        assertEquals(HttpStatus.CREATED, linked.getStatus());
        SignInFlow browser = new SignInFlow();
        provider.next("partner", "p-77", Map.of("email", "whatever@partner.example"));
        assertEquals(303, signIn(browser, "partner").statusCode());
        assertEquals(200, browser.get(server.getURL() + "/account/password").statusCode());

        List<Map> listed = http.toBlocking().retrieve(HttpRequest.GET("/api/users/tsai/identities").bearerAuth(admin),
                io.micronaut.core.type.Argument.listOf(Map.class));
        assertEquals(1, listed.size());
        assertEquals("p-77", listed.get(0).get("subject"));
        Object id = listed.get(0).get("id");
        http.toBlocking().exchange(HttpRequest.DELETE("/api/users/tsai/identities/" + id).bearerAuth(admin));
        assertEquals(303, browser.get(server.getURL() + "/account/password").statusCode(), "unlinking ended the session");
        provider.next("partner", "p-77", Map.of("email", "whatever@partner.example"));
        assertRefused(signIn(new SignInFlow(), "partner"), "not made automatically");
        assertTrue(events(SecurityEventType.SSO_LINKED).stream().anyMatch(e -> "tsai".equals(e.subject()) && e.detail().contains("p-77")));
        assertTrue(events(SecurityEventType.SSO_UNLINKED).stream().anyMatch(e -> "tsai".equals(e.subject()) && e.detail().contains("p-77")));

        // refusals of the administration: a learner may not, an unknown provider is named, a linked identity is a conflict
        HttpClientResponseException unknown = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/users/tsai/identities", Map.of("provider", "nowhere", "subject", "x")).bearerAuth(admin)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, unknown.getStatus());
        String learner = TestUsers.of(context, http).tokenFor("sso.learner", Roles.LEARNER);
        HttpClientResponseException forbidden = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/api/users/tsai/identities").bearerAuth(learner)));
        assertEquals(HttpStatus.FORBIDDEN, forbidden.getStatus());
    }

    @Test
    void theUsersPageShowsLinksAndUnlinksIdentitiesAndMarksSsoOnly() {
        accounts.create(new CreateUserRequest("kuo.page", "郭老師", "kuo@example.org", TestUsers.PASSWORD, List.of(Roles.TRAINER)), null);
        FormClient admin = new FormClient(server.getURL().toString(), "zh-TW").signIn("sso.admin", TestUsers.PASSWORD);
        HttpResponse<String> linked = admin.postForm("/admin/users/kuo.page/identities", "provider", "partner", "subject", "p-page");
        assertEquals(303, linked.statusCode(), linked::body);
        String page = admin.get("/admin/users?q=kuo.page").body();
        assertTrue(page.contains("id=\"identities-kuo.page\"") && page.contains("p-page"), page);
        // a linked identity again: refused beside the user, what was typed kept nowhere to lose
        HttpResponse<String> again = admin.postForm("/admin/users/kuo.page/identities", "provider", "partner", "subject", "p-page");
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("id=\"error-kuo.page\""));

        Matcher unlink = Pattern.compile("action=\"(/admin/users/kuo.page/identities/\\d+/unlink)\"").matcher(page);
        assertTrue(unlink.find());
        assertEquals(303, admin.postForm(unlink.group(1)).statusCode());
        assertEquals(0, linked("p-page"));

        assertEquals(303, admin.postForm("/admin/users/kuo.page/sso-only", "ssoOnly", "true").statusCode());
        assertTrue(user("kuo.page").ssoOnly());
        assertTrue(admin.get("/admin/users?q=kuo.page").body().contains("id=\"sso-only-kuo.page\""));
        assertEquals(303, admin.postForm("/admin/users/kuo.page/sso-only", "ssoOnly", "false").statusCode());
        assertFalse(user("kuo.page").ssoOnly());
    }

    @Test
    void theSignInPageShowsAButtonPerProviderAndThePasswordFormUnlessHidden() {
        FormClient admin = new FormClient(server.getURL().toString(), "en").signIn("sso.admin", TestUsers.PASSWORD);
        FormClient anonymous = new FormClient(server.getURL().toString(), "en");
        String shown = anonymous.get("/signin").body();
        assertTrue(shown.contains("Sign in with School account school") && shown.contains("href=\"/signin/sso/school?next=%2Fhome\""), shown);
        assertTrue(shown.contains("id=\"password\""));
        assertEquals(303, admin.postForm("/admin/settings/password-form", "passwordForm", "hidden").statusCode());
        String hidden = anonymous.get("/signin").body();
        assertFalse(hidden.contains("id=\"password\""), "the form is hidden");
        assertTrue(hidden.contains("id=\"password-link\""), "one link away");
        assertTrue(anonymous.get("/signin?password").body().contains("id=\"password\""));
        assertEquals(422, admin.postForm("/admin/settings/password-form", "passwordForm", "sometimes").statusCode());
        assertEquals(303, admin.postForm("/admin/settings/password-form", "passwordForm", "configured").statusCode());
        assertTrue(anonymous.get("/signin").body().contains("id=\"password\""));
        // a provider's button starts its sign-in and remembers where to return
        HttpResponse<String> start = anonymous.get("/signin/sso/school?next=/courses");
        assertEquals(303, start.statusCode());
        assertEquals("/oauth/login/school", SignInFlow.location(start));
        assertTrue(start.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("sso_next=/courses")));
        assertEquals(404, anonymous.get("/signin/sso/nowhere").statusCode());
    }

    @Test
    void spentNoncesAndExpiredLinkRequestsAreForgottenInTime() throws Exception {
        RowCounts rows = new RowCounts(dataSource, List.of());
        rows.execute("INSERT INTO spent_nonce (nonce_hash, spent_at) VALUES ('old', CURRENT_TIMESTAMP - INTERVAL '3' DAY),"
                + " ('recent', CURRENT_TIMESTAMP - INTERVAL '1' HOUR)");
        long user = accounts.create(new CreateUserRequest("prune.me", "清理", "prune@example.org", TestUsers.PASSWORD, List.of(Roles.LEARNER)), null).id();
        rows.execute("INSERT INTO identity_link_request (token_hash, user_id, provider, issuer, subject, email, created_at, expires_at) VALUES"
                + " ('gone', " + user + ", 'school', 'i', 's', 'e', CURRENT_TIMESTAMP - INTERVAL '1' HOUR, CURRENT_TIMESTAMP - INTERVAL '45' MINUTE)");
        context.getBean(ExternalSignIn.class).prune();
        assertEquals("recent", rows.single("SELECT STRING_AGG(nonce_hash, ',') FROM spent_nonce WHERE nonce_hash IN ('old', 'recent')"));
        assertEquals("0", rows.single("SELECT COUNT(*) FROM identity_link_request WHERE token_hash = 'gone'"));
    }

    @Test
    void anIdTokenIsNoBearerTokenHere() {
        // the provider's own key verifies it, and the provider could put any claims in it: the API must still refuse it
        String minted = provider.mint("school", Map.of("uid", 1, "ver", 0, "roles", List.of(Roles.ADMIN)));
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/api/users").bearerAuth(minted)));
        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus(), () -> refused.getResponse().getBody(String.class).orElse(""));
    }

    @Test
    void signingOutOffersToSignOutAtTheProvider() {
        SignInFlow browser = new SignInFlow();
        provider.next("school", "s-1212", Map.of("email", "out@school.example", "email_verified", true, "preferred_username", "out"));
        assertEquals(303, signIn(browser, "school").statusCode());
        String csrf = token(browser.get(server.getURL() + "/account/password").body());
        HttpResponse<String> out = browser.post(server.getURL() + "/signout", Map.of("_csrf", csrf));
        assertEquals(303, out.statusCode());
        assertEquals("/signedout?provider=school", SignInFlow.location(out));
        HttpResponse<String> page = browser.get(server.getURL() + SignInFlow.location(out));
        assertEquals(200, page.statusCode());
        Matcher endSession = Pattern.compile("id=\"end-session\"|href=\"([^\"]+)\" role=\"button\" id=\"end-session\"").matcher(page.body());
        assertTrue(endSession.find(), page.body());
        assertTrue(page.body().contains(URI.create(provider.issuer("school")).getPath() + "/endsession"), page.body());
        assertEquals(303, browser.get(server.getURL() + "/account/password").statusCode(), "signed out here");
    }
}
