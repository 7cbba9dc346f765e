package tw.training.onboarding;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.mail.MailSender;
import tw.training.testing.DatabaseTest;
import tw.training.testing.MailServer;
import tw.training.testing.RowCounts;
import tw.training.testing.ShiftedClock;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invitations (issue 31, point 4) through a real SMTP server: a user created without a password receives, in their
 * language, a link that sets their password once within seven days; the database keeps only the token's hash and,
 * once sent, no body of the message; a new invitation ends the old link; an accepted one cannot be sent again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvitationTest implements DatabaseTest {

    private static MailServer smtp;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    MailSender sender;

    @Inject
    ShiftedClock clock;

    @Inject
    DataSource dataSource;

    private String admin() {
        return TestUsers.of(context, http).tokenFor("invite.admin", Roles.ADMIN);
    }

    @Override
    public Map<String, String> getProperties() {
        smtp = new MailServer();
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.putAll(smtp.properties());
        properties.put("test.clock.shiftable", "true");
        return properties;
    }

    @AfterAll
    void stopSmtp() {
        smtp.close();
    }

    private void invite(String username, String language) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", "受邀 " + username, "email", username + "@example.org",
                "roles", List.of("LEARNER"), "invite", true));
        if (language != null) {
            body.put("language", language);
        }
        Map<String, Object> created = http.toBlocking().retrieve(HttpRequest.POST("/api/users", body).bearerAuth(admin()),
                Argument.mapOf(String.class, Object.class));
        assertEquals(true, created.get("invitationPending"));
    }

    private String token(MailServer.Received message) {
        return message.link("/invitation/").replaceFirst(".*/invitation/", "");
    }

    private HttpStatus accept(String token, String password) {
        try {
            return http.toBlocking().exchange(HttpRequest.POST("/api/invitations/accept", Map.of("token", token, "password", password))).getStatus();
        } catch (HttpClientResponseException refused) {
            return refused.getStatus();
        }
    }

    private List<String> column(String sql) {
        return new RowCounts(dataSource, List.of()).rows(sql);
    }

    @Test
    void anInvitedUserChoosesTheirPasswordOnceFromTheMailedLink() {
        invite("invite.chen", null);
        assertEquals(1, sender.sendBatch());
        MailServer.Received mail = smtp.receivedBy("invite.chen@example.org").get(0);
        assertEquals("請設定您的帳號", mail.subject());
        assertTrue(mail.text().contains("受邀 invite.chen 您好"), mail.text());
        assertTrue(mail.html().contains(mail.link("/invitation/")), "the HTML part carries the same link");
        assertNull(mail.header("List-Unsubscribe"), "an invitation is no notification one could stop");
        String token = token(mail);
        assertEquals(43, token.length(), "256 bits in base64url");

        assertEquals(List.of(OneTimeTokens.hash(token)), column("SELECT t.token_hash FROM account_token t JOIN app_user u ON u.user_id = t.user_id"
                + " WHERE u.username = 'invite.chen'"), "only the hash is kept");
        assertEquals(List.of(""), column("SELECT m.text_body FROM mail_message m JOIN app_user u ON u.user_id = m.recipient_id"
                + " WHERE u.username = 'invite.chen'"), "the sent message keeps no usable link");

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, accept(token, "short"), "the password rule applies");
        assertEquals(HttpStatus.OK, accept(token, "a long enough passphrase"), "a refused password spent nothing");
        assertFalse(TestUsers.of(context, http).login("invite.chen", "a long enough passphrase").isEmpty());
        assertEquals(HttpStatus.NOT_FOUND, accept(token, "another long passphrase"), "once");
    }

    @Test
    void theMailIsInTheUsersLanguage() {
        invite("invite.wang", "en");
        sender.sendBatch();
        MailServer.Received mail = smtp.receivedBy("invite.wang@example.org").get(0);
        assertEquals("Set up your account", mail.subject());
        assertTrue(mail.text().startsWith("Hello 受邀 invite.wang,"), mail.text());
        assertFalse(mail.text().matches("(?s).*[\\u4e00-\\u9fff]{2,}.*".replace("受邀", "")) && mail.text().contains("連結"), "no Chinese sentence");
    }

    /** Last: it moves the clock a week on, past every token the other tests sign in with. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aLinkExpiresAfterSevenDays() {
        invite("invite.lin", null);
        sender.sendBatch();
        String token = token(smtp.receivedBy("invite.lin@example.org").get(0));
        clock.pass(Duration.ofDays(7).plusMinutes(1));
        assertEquals(HttpStatus.NOT_FOUND, accept(token, "a long enough passphrase"));
    }

    @Test
    void aNewInvitationEndsTheOldLinkAndAnAcceptedOneCannotBeResent() {
        invite("invite.huang", null);
        sender.sendBatch();
        String first = token(smtp.receivedBy("invite.huang@example.org").get(0));
        http.toBlocking().exchange(HttpRequest.POST("/api/users/invite.huang/invitation", Map.of()).bearerAuth(admin()));
        sender.sendBatch();
        List<MailServer.Received> both = smtp.receivedBy("invite.huang@example.org");
        assertEquals(2, both.size());
        String second = token(both.get(1));
        assertEquals(HttpStatus.NOT_FOUND, accept(first, "a long enough passphrase"));
        assertEquals(HttpStatus.OK, accept(second, "a long enough passphrase"));
        HttpClientResponseException again = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/users/invite.huang/invitation", Map.of()).bearerAuth(admin())));
        assertEquals(HttpStatus.CONFLICT, again.getStatus());
    }

    @Test
    void onlyAnAdministratorInvites() {
        String learner = TestUsers.of(context, http).tokenFor("invite.someone", Roles.LEARNER);
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/users/invite.admin/invitation", Map.of()).bearerAuth(learner)));
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
    }
}
