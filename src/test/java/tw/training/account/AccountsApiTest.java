package tw.training.account;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import io.micronaut.runtime.server.EmbeddedServer;
import tw.training.account.throttle.ThrottledRefusals;
import tw.training.testing.DatabaseTest;
import tw.training.testing.LoginFrom;
import tw.training.testing.Parallel;
import tw.training.testing.RawHttp;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.training.testing.TestUsers.PASSWORD;

/** SPEC §7 and the access rules: sign-in, refusals, throttling, administration, audit, stored hashes. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsApiTest implements DatabaseTest {

    private static final int FREE_FAILURES = 3;
    /** Sign-ins from a second loopback address: another machine, as the server sees it. */
    private static final String ATTACKER = "127.0.0.2";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    private TestUsers users;
    private String admin;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("app.login.free-failures", String.valueOf(FREE_FAILURES));
        properties.put("app.login.first-delay", "2s");
        return properties;
    }

    @BeforeAll
    void signInAnAdministrator() {
        users = TestUsers.of(context, http);
        admin = users.tokenFor("ada.admin", Roles.ADMIN);
    }

    @Test
    void signInAnswersABearerTokenThatOpensApiMe() {
        String token = users.tokenFor("tina.trainer", Roles.TRAINER);

        Map<String, Object> me = get("/api/me", token);

        assertEquals("tina.trainer", me.get("username"));
        assertEquals(List.of(Roles.TRAINER), me.get("roles"));
        assertFalse(me.containsKey("password") || me.containsKey("passwordHash"));
    }

    @Test
    void withoutATokenEveryApiAnswers401() {
        for (String path : List.of("/api/me", "/api/standards", "/api/users", "/api/audit")) {
            HttpClientResponseException refused = refusal(HttpRequest.GET(path));
            assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus(), path);
            assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().toString());
        }
    }

    @Test
    void aForgedTokenIsRefused() {
        String token = users.tokenFor("fay.learner", Roles.LEARNER);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        assertEquals(HttpStatus.UNAUTHORIZED, refusal(HttpRequest.GET("/api/me").bearerAuth(forged)).getStatus());
    }

    @Test
    void theWrongRoleAnswers403() {
        String learner = users.tokenFor("leo.learner", Roles.LEARNER);
        String trainer = users.tokenFor("tom.trainer", Roles.TRAINER);

        assertEquals(HttpStatus.FORBIDDEN, refusal(HttpRequest.GET("/api/users").bearerAuth(trainer)).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, refusal(HttpRequest.GET("/api/audit").bearerAuth(learner)).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, refusal(HttpRequest.POST("/api/users", newUser("x.y", Roles.ADMIN)).bearerAuth(trainer)).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, refusal(HttpRequest.POST("/api/standards", "text").contentType("text/plain").bearerAuth(learner)).getStatus());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAreRefusedAlike() {
        users.create("wu.learner", Roles.LEARNER);

        HttpClientResponseException wrongPassword = refusal(login("wu.learner", "not the password"));
        HttpClientResponseException unknownUser = refusal(login("nobody.here", "not the password"));

        assertEquals(HttpStatus.UNAUTHORIZED, wrongPassword.getStatus());
        assertEquals(HttpStatus.UNAUTHORIZED, unknownUser.getStatus());
        assertEquals(body(wrongPassword).get("detail"), body(unknownUser).get("detail"));
        assertEquals(body(wrongPassword).get("title"), body(unknownUser).get("title"));
    }

    @Test
    void aDisabledUserCannotSignInAndTheirTokenStopsWorking() {
        String token = users.tokenFor("dan.trainer", Roles.TRAINER);

        post("/api/users/dan.trainer/disable", Map.of(), admin);

        assertEquals(HttpStatus.UNAUTHORIZED, refusal(login("dan.trainer", PASSWORD)).getStatus());
        assertEquals(HttpStatus.UNAUTHORIZED, refusal(HttpRequest.GET("/api/me").bearerAuth(token)).getStatus());
        post("/api/users/dan.trainer/enable", Map.of(), admin);
        assertEquals("dan.trainer", get("/api/me", users.login("dan.trainer", PASSWORD)).get("username"));
    }

    @Test
    void wrongPasswordsSlowDownTheirSourceButNeverKeepTheOwnerOut() throws Exception {
        users.create("lou.learner", Roles.LEARNER);
        for (int i = 0; i <= FREE_FAILURES; i++) {
            assertEquals(401, loginFrom(ATTACKER, "lou.learner", "wrong password " + i).status());
        }

        LoginFrom.Answer throttled = loginFrom(ATTACKER, "lou.learner", PASSWORD);
        String ownerSignsIn = users.login("lou.learner", PASSWORD);

        assertEquals(429, throttled.status());
        assertEquals("application/problem+json", throttled.header("Content-Type"));
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "first delay of 2 s: " + retryAfter);
        assertNotNull(ownerSignsIn, "the owner, from elsewhere, signs in as usual");
        context.getBean(ThrottledRefusals.class).write();
        assertTrue(auditTypes("lou.learner").containsAll(List.of("LOGIN_FAILED", "LOGIN_THROTTLED", "LOGIN_REFUSED_WHILE_THROTTLED")));
        Thread.sleep(retryAfter * 1000);
        assertEquals(200, loginFrom(ATTACKER, "lou.learner", PASSWORD).status(), "after the wait, the right password works");
    }

    @Test
    void eachFurtherFailureDoublesTheWait() throws Exception {
        users.create("dot.learner", Roles.LEARNER);
        for (int i = 0; i <= FREE_FAILURES; i++) {
            loginFrom(ATTACKER, "dot.learner", "wrong password " + i);
        }
        long first = Long.parseLong(loginFrom(ATTACKER, "dot.learner", "again").header("Retry-After"));
        Thread.sleep(first * 1000);

        assertEquals(401, loginFrom(ATTACKER, "dot.learner", "wrong once more").status());
        assertEquals(429, loginFrom(ATTACKER, "dot.learner", "and again").status());
        List<String> imposed = getList("/api/audit?type=LOGIN_THROTTLED&username=dot.learner", admin).stream()
                .map(e -> (String) e.get("detail")).toList();
        assertEquals(List.of("from 127.0.0.2: 4 s before the next attempt", "from 127.0.0.2: 2 s before the next attempt"), imposed);
    }

    @Test
    void aPasswordThatIsNotTextIsRefusedWithoutAServerError() {
        users.create("sue.learner", Roles.LEARNER);
        String token = users.login("sue.learner", PASSWORD);
        String loneSurrogate = "{\"username\":\"sue.learner\",\"password\":\"abc\\ud800def\"}";

        HttpStatus login = refusal(HttpRequest.POST("/login", loneSurrogate).contentType("application/json")).getStatus();
        HttpStatus change = refusal(HttpRequest.PUT("/api/me/password", "{\"currentPassword\":\"\\ud800\",\"newPassword\":\"a new long passphrase\"}")
                .contentType("application/json").bearerAuth(token)).getStatus();

        assertTrue(login.getCode() == 401 || login.getCode() == 422, login.toString());
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, change);
    }

    @Test
    void twentyAdministratorsCreatingTheSameUserAtOnceGetOneUserAndConflicts() throws Exception {
        List<Integer> statuses = Parallel.run(20, client -> {
            try {
                return http.toBlocking().exchange(HttpRequest.POST("/api/users", newUser("race.learner", Roles.LEARNER))
                        .bearerAuth(admin)).getStatus().getCode();
            } catch (HttpClientResponseException e) {
                return e.getStatus().getCode();
            }
        });

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    private LoginFrom.Answer loginFrom(String source, String username, String password) {
        return LoginFrom.send(context.getBean(EmbeddedServer.class).getPort(), source, username, password);
    }

    @Test
    void passwordsAreStoredOnlyAsArgon2idHashes() {
        users.create("hal.learner", Roles.LEARNER);

        String stored = new RowCounts(dataSource, List.of()).single("SELECT password_hash FROM app_user WHERE username = 'hal.learner'");

        assertTrue(stored.startsWith("$argon2id$"), stored);
        assertFalse(stored.contains(PASSWORD));
        String other = new RowCounts(dataSource, List.of()).single("SELECT password_hash FROM app_user WHERE username = 'ada.admin'");
        assertNotEquals(stored, other, "same password, different salt");
    }

    @Test
    void anAdministratorCreatesFindsAndSearchesUsers() {
        HttpResponse<Map<String, Object>> created = http.toBlocking().exchange(
                HttpRequest.POST("/api/users", newUser("Chen.Mei", Roles.LEARNER, Roles.TRAINER)).bearerAuth(admin),
                Argument.mapOf(String.class, Object.class));

        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals("chen.mei", created.body().get("username"));
        assertEquals(List.of(Roles.TRAINER, Roles.LEARNER), created.body().get("roles"));
        assertEquals("陳美", get("/api/users/chen.mei", admin).get("displayName"));
        assertEquals(List.of("chen.mei"), usernames(getList("/api/users?q=" + encode("陳"), admin)));
        assertTrue(usernames(getList("/api/users?role=TRAINER", admin)).contains("chen.mei"));
        assertFalse(usernames(getList("/api/users?role=ADMIN", admin)).contains("chen.mei"));
        assertEquals("chen.mei", get("/api/me", users.login("chen.mei", PASSWORD)).get("username"));
    }

    @Test
    void creatingAUserWithBadFieldsNamesEachField() {
        Map<String, Object> bad = Map.of("username", "a", "displayName", "", "email", "no-at-sign", "password", "short",
                "roles", List.of("KING"));

        HttpClientResponseException refused = refusal(HttpRequest.POST("/api/users", bad).bearerAuth(admin));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertEquals(List.of("username", "displayName", "email", "password", "roles[0]"), fields(refused));
    }

    @Test
    void commonRepetitiveSequentialAndNonTextPasswordsAreRefused() {
        Map<String, Long> before = new RowCounts(dataSource, List.of("app_user")).now();
        for (String weak : List.of("aaaaaaaaaa", "1234567890", "password12", "PASSWORD12", "abcdefghijk", "\u0000".repeat(10),
                "long enough\u0007bell", "weak.user is my name")) {
            Map<String, Object> request = new HashMap<>(newUser("weak.user", Roles.LEARNER));
            request.put("password", weak);

            HttpClientResponseException refused = refusal(HttpRequest.POST("/api/users", request).bearerAuth(admin));

            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus(), weak);
            assertEquals(List.of("password"), fields(refused), weak);
        }
        assertEquals(before, new RowCounts(dataSource, List.of("app_user")).now());
    }

    @Test
    void aTakenUsernameIsAConflict() {
        users.create("taken.name", Roles.LEARNER);

        HttpClientResponseException refused = refusal(HttpRequest.POST("/api/users", newUser("taken.name", Roles.LEARNER)).bearerAuth(admin));

        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
    }

    @Test
    void aPasswordResetEndsTheSessionsOfItsUser() {
        String token = users.tokenFor("rita.learner", Roles.LEARNER);

        http.toBlocking().exchange(HttpRequest.POST("/api/users/rita.learner/password", Map.of("password", "a brand new password"))
                .bearerAuth(admin));

        assertEquals(HttpStatus.UNAUTHORIZED, refusal(HttpRequest.GET("/api/me").bearerAuth(token)).getStatus());
        assertEquals(HttpStatus.UNAUTHORIZED, refusal(login("rita.learner", PASSWORD)).getStatus());
        assertEquals("rita.learner", get("/api/me", users.login("rita.learner", "a brand new password")).get("username"));
    }

    @Test
    void aUserChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        String token = users.tokenFor("ozzy.learner", Roles.LEARNER);

        HttpClientResponseException wrongCurrent = refusal(HttpRequest.PUT("/api/me/password",
                Map.of("currentPassword", "guess", "newPassword", "another long password")).bearerAuth(token));
        String elsewhere = users.login("ozzy.learner", PASSWORD);
        Map<?, ?> changed = http.toBlocking().retrieve(HttpRequest.PUT("/api/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "another long password")).bearerAuth(token), Map.class);

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, wrongCurrent.getStatus());
        assertEquals(List.of("currentPassword"), fields(wrongCurrent));
        assertEquals("ozzy.learner", get("/api/me", (String) changed.get("access_token")).get("username"), "the caller goes on with the new token");
        assertEquals(HttpStatus.UNAUTHORIZED, refusal(HttpRequest.GET("/api/me").bearerAuth(elsewhere)).getStatus(), "the other session ends");
        assertEquals(HttpStatus.UNAUTHORIZED, refusal(HttpRequest.GET("/api/me").bearerAuth(token)).getStatus(), "so does every token before");
        assertEquals("ozzy.learner", get("/api/me", users.login("ozzy.learner", "another long password")).get("username"));
    }

    @Test
    void changingRolesTakesEffectAtTheNextSignIn() {
        String before = users.tokenFor("role.changer", Roles.LEARNER);

        http.toBlocking().exchange(HttpRequest.PUT("/api/users/role.changer/roles", Map.of("roles", List.of("TRAINER"))).bearerAuth(admin));

        assertEquals(HttpStatus.UNAUTHORIZED, refusal(HttpRequest.GET("/api/me").bearerAuth(before)).getStatus());
        assertEquals(List.of(Roles.TRAINER), get("/api/me", users.login("role.changer", PASSWORD)).get("roles"));
        assertTrue(auditTypes("role.changer").contains("ROLES_CHANGED"));
    }

    @Test
    void theLastAdministratorCannotBeDisabledNorLoseTheRole() {
        assertEquals(HttpStatus.CONFLICT, refusal(HttpRequest.POST("/api/users/ada.admin/disable", Map.of()).bearerAuth(admin)).getStatus());
        assertEquals(HttpStatus.CONFLICT, refusal(HttpRequest.PUT("/api/users/ada.admin/roles", Map.of("roles", List.of("TRAINER")))
                .bearerAuth(admin)).getStatus());
    }

    @Test
    void theAuditTrailSaysWhoDidWhatWhen() {
        users.create("audited.user", Roles.LEARNER);
        refusal(login("audited.user", "wrong password"));
        post("/api/users/audited.user/disable", Map.of(), admin);

        List<Map<String, Object>> events = getList("/api/audit?username=audited.user", admin);

        assertEquals(List.of("USER_DISABLED", "LOGIN_FAILED", "USER_CREATED"), events.stream().map(e -> e.get("type")).toList());
        assertEquals("ada.admin", events.get(0).get("actor"));
        assertTrue(events.stream().allMatch(e -> e.get("occurredAt") != null));
    }

    private Map<String, Object> newUser(String username, String... roles) {
        return Map.of("username", username, "displayName", "陳美", "email", "mei@example.org", "password", PASSWORD, "roles", List.of(roles));
    }

    private static MutableHttpRequest<?> login(String username, String password) {
        return HttpRequest.POST("/login", Map.of("username", username, "password", password));
    }

    private HttpClientResponseException refusal(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request));
    }

    private Map<String, Object> get(String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private List<Map<String, Object>> getList(String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private void post(String path, Object body, String token) {
        http.toBlocking().exchange(HttpRequest.POST(path, body).bearerAuth(token));
    }

    private List<String> auditTypes(String username) {
        return getList("/api/audit?username=" + username, admin).stream().map(e -> (String) e.get("type")).toList();
    }

    private static List<String> usernames(List<Map<String, Object>> users) {
        return users.stream().map(u -> (String) u.get("username")).toList();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpClientResponseException e) {
        return e.getResponse().getBody(Map.class).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(HttpClientResponseException e) {
        return ((List<Map<String, Object>>) body(e).get("errors")).stream().map(error -> (String) error.get("field")).toList();
    }
}
