package tw.training.onboarding;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tw.training.account.Roles;
import tw.training.mail.MailSender;
import tw.training.testing.DatabaseTest;
import tw.training.testing.MailServer;
import tw.training.testing.ShiftedClock;
import tw.training.testing.TestUsers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A forgotten password (issue 31, point 5) through a real SMTP server: the same answer for a known and an unknown
 * address, a link that works once for thirty minutes, a reset that ends the user's tokens and is told by mail, and the
 * throttle per address.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasswordResetTest implements DatabaseTest {

    private static MailServer smtp;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    MailSender sender;

    @Inject
    PasswordRecovery recovery;

    @Inject
    ShiftedClock clock;

    @Override
    public Map<String, String> getProperties() {
        smtp = new MailServer();
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.putAll(smtp.properties());
        properties.put("test.clock.shiftable", "true");
        // every request of this class comes from 127.0.0.1; the per-address limit is what is tested here
        properties.put("app.password-reset.per-source", "1000");
        return properties;
    }

    @AfterAll
    void stopSmtp() {
        smtp.close();
    }

    private HttpResponse<?> ask(String address) {
        try {
            return http.toBlocking().exchange(HttpRequest.POST("/api/password/forgotten", Map.of("address", address)));
        } catch (HttpClientResponseException refused) {
            return refused.getResponse();
        }
    }

    private List<MailServer.Received> mailOf(String address) throws InterruptedException {
        recovery.awaitWritten();
        sender.sendBatch();
        return smtp.receivedBy(address);
    }

    private HttpStatus reset(String token, String password) {
        try {
            return http.toBlocking().exchange(HttpRequest.POST("/api/password/reset", Map.of("token", token, "password", password))).getStatus();
        } catch (HttpClientResponseException refused) {
            return refused.getStatus();
        }
    }

    private static String token(MailServer.Received mail) {
        return mail.link("/password/reset/").replaceFirst(".*/password/reset/", "");
    }

    @Test
    @Order(1)
    void knownAndUnknownAddressesGetTheSameAnswerAndOnlyTheKnownOneMail() throws Exception {
        TestUsers.of(context, http).create("reset.chen", Roles.LEARNER);
        HttpResponse<?> known = ask("Reset.Chen@example.org");
        HttpResponse<?> unknown = ask("nobody.here@example.org");
        assertEquals(HttpStatus.ACCEPTED, known.getStatus());
        assertEquals(known.getStatus(), unknown.getStatus());
        assertEquals(known.getBody(String.class), unknown.getBody(String.class));
        assertEquals(1, mailOf("reset.chen@example.org").size(), "the address in any case reaches the account");
        assertEquals(List.of(), smtp.receivedBy("nobody.here@example.org"));
        assertEquals("重設您的密碼", smtp.receivedBy("reset.chen@example.org").get(0).subject());
    }

    @Test
    @Order(1)
    void aUserWhoSignsInThroughTheirInstitutionOnlyIsSentNoLink() throws Exception {
        TestUsers.of(context, http).create("reset.sso", Roles.LEARNER);
        context.getBean(tw.training.account.AccountService.class).setSsoOnly("reset.sso", true, "test");
        assertEquals(HttpStatus.ACCEPTED, ask("reset.sso@example.org").getStatus(), "the same answer as for anyone");
        assertEquals(List.of(), mailOf("reset.sso@example.org"), "no password here to reset");
    }

    @Test
    @Order(2)
    void aResetWorksOnceEndsTheUsersTokensAndIsToldByMail() throws Exception {
        TestUsers users = TestUsers.of(context, http);
        String before = users.tokenFor("reset.wang", Roles.LEARNER);
        ask("reset.wang");
        String token = token(mailOf("reset.wang@example.org").get(0));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, reset(token, "1234567890"), "the password rule applies");
        assertEquals(HttpStatus.OK, reset(token, "a brand new passphrase"), "a refused password spent nothing");
        assertEquals(HttpStatus.NOT_FOUND, reset(token, "yet another passphrase"), "once");
        HttpClientResponseException ended = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/me").bearerAuth(before)));
        assertEquals(HttpStatus.UNAUTHORIZED, ended.getStatus(), "the token signed in before the reset no longer works");
        assertNotNull(users.login("reset.wang", "a brand new passphrase"));

        sender.sendBatch();
        List<MailServer.Received> mails = smtp.receivedBy("reset.wang@example.org");
        assertEquals("您的密碼已變更", mails.get(mails.size() - 1).subject());
        assertTrue(mails.get(mails.size() - 1).text().contains("/password/forgotten"), "with the way to react if it was not them");
    }

    @Test
    @Order(3)
    void anAddressIsThrottled() throws Exception {
        TestUsers.of(context, http).create("reset.lin", Roles.LEARNER);
        List<HttpStatus> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(ask("reset.lin@example.org").getStatus());
        }
        assertEquals(List.of(HttpStatus.ACCEPTED, HttpStatus.ACCEPTED, HttpStatus.ACCEPTED, HttpStatus.TOO_MANY_REQUESTS), answers);
        assertNotNull(ask("reset.lin@example.org").getHeaders().get("Retry-After"));
        assertEquals(3, mailOf("reset.lin@example.org").size());
        assertEquals(HttpStatus.ACCEPTED, ask("another.address@example.org").getStatus(), "other addresses are not held up");
    }

    @Test
    @Order(4)
    void nothingAskedIsNoAnswer() {
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, ask(" ").getStatus());
    }

    /** Last: it moves the clock past the life of every token signed in with. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aLinkExpiresAfterThirtyMinutes() throws Exception {
        TestUsers.of(context, http).create("reset.huang", Roles.LEARNER);
        ask("reset.huang@example.org");
        String token = token(mailOf("reset.huang@example.org").get(0));
        clock.pass(Duration.ofMinutes(31));
        assertEquals(HttpStatus.NOT_FOUND, reset(token, "a brand new passphrase"));
    }
}
