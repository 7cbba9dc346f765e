package tw.training.packaging;

import org.junit.jupiter.api.Test;
import tw.training.testing.MailServer;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 31, acceptance 2, with the packaged jar killed ({@code kill -9}): an invitation committed with its user and not
 * yet sent when the server dies is sent by the next start, once, to a real SMTP server.
 */
class MailKillIT {

    @Test
    void aMessageCommittedBeforeAKillIsSentAfterTheRestartOnce() throws Exception {
        JarServer server = new JarServer("mail-kill");
        try (MailServer smtp = new MailServer()) {
            server.environment.put("APP_MAIL_ENABLED", "true");
            server.environment.put("APP_MAIL_HOST", "127.0.0.1");
            server.environment.put("APP_MAIL_PORT", String.valueOf(smtp.port()));
            server.environment.put("APP_MAIL_FROM", "training@example.org");
            // 1. the sender waits an hour: the invitation is committed with the user and the server dies before sending it
            server.environment.put("APP_MAIL_SEND_EVERY", "1h");
            server.start();
            String admin = server.login("jar.admin");
            server.send("POST", "/api/users", admin, "{\"username\":\"kill.invited\",\"displayName\":\"受邀者\",\"email\":\"invited@example.org\","
                    + "\"roles\":[\"LEARNER\"],\"invite\":true}");
            assertEquals(1, waiting(server, admin), "the invitation, committed with the user");
            server.process().destroyForcibly().waitFor();
            assertEquals(List.of(), smtp.received(), "nothing sent before the kill");

            // 2. the next start sends it, and only once however many rounds the sender makes
            server.environment.put("APP_MAIL_SEND_EVERY", "200ms");
            server.start();
            admin = server.login("jar.admin");
            while (waiting(server, admin) > 0) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
            List<MailServer.Received> received = smtp.received();
            assertEquals(1, received.size(), "sent once");
            assertTrue(received.get(0).text().contains("/invitation/"), received.get(0).text());
            assertEquals("invited@example.org", received.get(0).to());
        } finally {
            if (server.process() != null) {
                server.process().destroyForcibly().waitFor();
            }
        }
    }

    private static long waiting(JarServer server, String admin) throws Exception {
        Map<String, Object> outbox = JarServer.map(server.get("/api/mail/messages?state=WAITING", admin));
        return ((Number) outbox.get("waiting")).longValue();
    }
}
