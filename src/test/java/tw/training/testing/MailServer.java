package tw.training.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server in the test JVM (GreenMail) on a free port of 127.0.0.1, and what it received, read as a person
 * reads a message: to whom, the subject, the plain text, the HTML, the headers.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    public MailServer() {
        greenMail.start();
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** The settings of a server that sends through this one; the test sends at moments it chooses. */
    public Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("app.mail.enabled", "true");
        properties.put("app.mail.host", "127.0.0.1");
        properties.put("app.mail.port", String.valueOf(port()));
        properties.put("app.mail.from", "training@example.org");
        properties.put("app.mail.send-every", "1h");
        return properties;
    }

    /** A received message as read. */
    public record Received(String to, String subject, String text, String html, Map<String, String> headers) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** The first link of the plain text that contains {@code path}. */
        public String link(String path) {
            Matcher matcher = Pattern.compile("https?://\\S*" + Pattern.quote(path) + "\\S*").matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no link to " + path + " in:\n" + text);
            }
            return matcher.group();
        }
    }

    public List<Received> received() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::read).toList();
    }

    public List<Received> receivedBy(String address) {
        return received().stream().filter(message -> message.to().equalsIgnoreCase(address)).toList();
    }

    /** Forgets what was received; the server stays on its port. */
    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Received read(MimeMessage message) {
        try {
            Map<String, String> headers = new HashMap<>();
            message.getAllHeaders().asIterator().forEachRemaining(header -> headers.put(header.getName().toLowerCase(), header.getValue()));
            String[] parts = {"", ""};
            collect(message.getContent(), message.getContentType(), parts);
            return new Received(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(), parts[0], parts[1], headers);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Object content, String type, String[] parts) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), parts);
            }
        } else if (type.toLowerCase().startsWith("text/html")) {
            parts[1] += content;
        } else if (type.toLowerCase().startsWith("text/plain")) {
            parts[0] += content;
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
