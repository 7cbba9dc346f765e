package tw.training.admin;

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
import tw.training.testing.TestUsers;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrator's console (issue 16) through plain forms: create a trainer (a weak password and a taken username
 * refused beside their fields), disable them (their session ends at once), enable, reset a password, change roles,
 * the last administrator's role kept with the reason shown; the audit trail; and nobody else let in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserPagesTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private String base;
    private FormClient admin;

    @BeforeAll
    void signedIn() {
        TestUsers users = TestUsers.of(context, http);
        users.create("console.admin", Roles.ADMIN);
        users.create("console.learner", Roles.LEARNER);
        base = server.getURL().toString();
        admin = new FormClient(base, "zh-TW").signIn("console.admin", TestUsers.PASSWORD);
    }

    @Test
    void anAdministratorManagesATrainerFromCreationToRoles() {
        HttpResponse<String> weak = admin.postForm("/admin/users", "username", "console.trainer", "displayName", "林講師", "email", "lin@example.org",
                "password", "short", "roles", "TRAINER");
        assertEquals(422, weak.statusCode());
        assertTrue(weak.body().contains("id=\"password-error\"") && weak.body().contains("value=\"console.trainer\""), "beside the field, form kept");
        // issue 30, point 4: the role ticked stays ticked
        String creation = weak.body().substring(weak.body().indexOf("id=\"new-user\""));
        assertTrue(creation.contains("value=\"TRAINER\" checked") && !creation.contains("value=\"ADMIN\" checked"), "the roles kept");

        HttpResponse<String> created = admin.postForm("/admin/users", "username", "console.trainer", "displayName", "林講師", "email", "lin@example.org",
                "password", TestUsers.PASSWORD, "roles", "TRAINER");
        assertEquals(303, created.statusCode(), created.body());
        assertTrue(admin.get(created.headers().firstValue("Location").orElseThrow()).body().contains("class=\"notice\""));
        assertEquals(409, admin.postForm("/admin/users", "username", "console.trainer", "displayName", "又一位", "email", "x@example.org",
                "password", TestUsers.PASSWORD, "roles", "TRAINER").statusCode(), "a taken username");

        FormClient trainer = new FormClient(base, "zh-TW").signIn("console.trainer", TestUsers.PASSWORD);
        assertEquals(200, trainer.get("/courses").statusCode());
        assertEquals(303, admin.postForm("/admin/users/console.trainer/disable").statusCode());
        assertEquals(303, trainer.get("/courses").statusCode(), "disabled: the trainer's session ended at once");
        assertEquals(303, admin.postForm("/admin/users/console.trainer/enable").statusCode());
        assertEquals(303, admin.postForm("/admin/users/console.trainer/password", "password", "a brand new passphrase").statusCode());
        new FormClient(base, "zh-TW").signIn("console.trainer", "a brand new passphrase");
        assertEquals(303, admin.postForm("/admin/users/console.trainer/roles", "roles", "TRAINER", "roles", "LEARNER").statusCode());
        assertTrue(admin.get("/admin/users?q=console.trainer").body().contains("value=\"LEARNER\" checked"));

        String audit = admin.get("/admin/audit?username=console.trainer").body();
        for (String event : List.of("建立使用者", "停用使用者", "啟用使用者", "重設密碼", "變更角色")) {
            assertTrue(audit.contains(event), event);
        }
    }

    /** Issue 31, point 4 in the pages: invited, shown as pending, invited again, the link read in the outbox (mail off), accepted. */
    @Test
    void anAdministratorInvitesAUserWhoChoosesTheirOwnPassword() {
        HttpResponse<String> created = admin.postForm("/admin/users", "username", "console.invited", "displayName", "陳學員", "email",
                "chen@example.org", "access", "invite", "password", "", "language", "zh-TW", "roles", "LEARNER");
        assertEquals(303, created.statusCode(), created.body());
        String listed = admin.get("/admin/users?q=console.invited").body();
        assertTrue(listed.contains("id=\"pending-console.invited\"") && listed.contains("id=\"invite-console.invited\""), "pending, with a resend");
        assertEquals(303, admin.postForm("/admin/users/console.invited/invitation").statusCode());

        String outbox = admin.get("/admin/mail?state=WAITING").body();
        assertTrue(outbox.contains("id=\"mail-off\""), "the page says mail is off");
        List<String> ids = java.util.regex.Pattern.compile("<tr id=\"mail-(\\d+)\">\\s*<td[^>]*>[^<]*</td>\\s*<td[^>]*>chen@example.org").matcher(outbox)
                .results().map(match -> match.group(1)).toList();
        assertEquals(2, ids.size(), "two invitations, the newest first");
        String newest = admin.get("/admin/mail/" + ids.get(0)).body();
        String oldest = admin.get("/admin/mail/" + ids.get(1)).body();
        String link = newest.replaceFirst("(?s).*https?://[^/\\s]+(/invitation/[A-Za-z0-9_-]{43}).*", "$1");
        String old = oldest.replaceFirst("(?s).*https?://[^/\\s]+(/invitation/[A-Za-z0-9_-]{43}).*", "$1");

        FormClient invitee = new FormClient(base, "zh-TW").withoutSignIn();
        assertEquals(404, invitee.get(old).statusCode(), "the first link stopped working");
        assertTrue(invitee.get(link).body().contains("console.invited"), "the page names the account");
        HttpResponse<String> chosen = invitee.postForm(link, "password", "a passphrase of my own", "confirmation", "a passphrase of my own");
        assertEquals(303, chosen.statusCode(), chosen.body());
        assertTrue(chosen.headers().firstValue("Location").orElseThrow().startsWith("/signin?welcome"));
        new FormClient(base, "zh-TW").signIn("console.invited", "a passphrase of my own");
        assertTrue(!admin.get("/admin/users?q=console.invited").body().contains("id=\"pending-console.invited\""), "no longer pending");
        assertEquals(404, invitee.get(link).statusCode(), "used once");
    }

    @Test
    void theLastAdministratorKeepsTheRoleAndThePageSaysWhy() {
        HttpResponse<String> refused = admin.postForm("/admin/users/console.admin/roles", "roles", "TRAINER");
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("id=\"error-console.admin\"") && refused.body().contains("最後一位啟用中的管理者不能失去管理者角色"), "why, beside them");
        assertEquals(200, admin.get("/admin/users").statusCode(), "still an administrator");
    }

    @Test
    void nobodyButAnAdministratorIsLetIn() {
        FormClient learner = new FormClient(base, "zh-TW").signIn("console.learner", TestUsers.PASSWORD);
        for (String path : List.of("/admin/users", "/admin/users?q=a", "/admin/audit")) {
            assertEquals(403, learner.get(path).statusCode(), path);
        }
        for (String path : List.of("/admin/users", "/admin/users/console.admin/disable", "/admin/users/console.admin/enable",
                "/admin/users/console.admin/password", "/admin/users/console.admin/roles")) {
            assertEquals(403, learner.post(path, List.of(Map.entry("_csrf", learner.token()), Map.entry("roles", "ADMIN"))).statusCode(), path);
        }
        assertEquals(403, admin.post("/admin/users/console.learner/roles", List.of(Map.entry("roles", "ADMIN"))).statusCode(), "no token");
    }
}
