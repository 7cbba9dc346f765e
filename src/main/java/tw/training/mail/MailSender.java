package tw.training.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.email.Contact;
import io.micronaut.email.Email;
import io.micronaut.email.EmailException;
import io.micronaut.email.MultipartBody;
import io.micronaut.email.TransactionalEmailSender;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends the outbox over SMTP ({@code APP_MAIL_ENABLED=true}), a batch at a time, each message while its row is held:
 * a message the server took is marked sent in the same transaction; one it refused for good (a 5xx answer, an address
 * that is no address) is marked refused and shown to administrators; any other failure (the server down, a 4xx, the
 * network) leaves it waiting with back-off ({@code first-retry} doubling up to {@code max-retry}), and the rest of the
 * batch with it. A crash between the server taking a message and the commit sends it once more after the restart: the
 * price of never losing one.
 */
@Singleton
@Requires(property = "app.mail.enabled", value = "true")
public class MailSender {

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private static final int BATCH = 20;
    private static final int MAX_ERROR = 500;

    private final MailRepository mails;
    private final TransactionalEmailSender<Message, Void> smtp;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Contact from;
    private final Duration firstRetry;
    private final Duration maxRetry;

    MailSender(MailRepository mails, TransactionalEmailSender<Message, Void> smtp, TransactionOperations<Connection> transactions, Clock clock,
               @Value("${app.mail.from}") String from, @Value("${app.mail.from-name:}") String fromName,
               @Value("${app.mail.first-retry:30s}") Duration firstRetry, @Value("${app.mail.max-retry:1h}") Duration maxRetry) {
        this.mails = mails;
        this.smtp = smtp;
        this.transactions = transactions;
        this.clock = clock;
        this.from = fromName.isBlank() ? new Contact(from) : new Contact(from, fromName);
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    @Scheduled(fixedDelay = "${app.mail.send-every:5s}", initialDelay = "${app.mail.send-every:5s}")
    void sendDue() {
        try {
            while (sendBatch() == BATCH) {
                // a whole batch went: there may be more
            }
        } catch (RuntimeException e) {
            LOG.warn("Mail not sent now ({}); it is sent later", e.toString());
        }
    }

    /** One batch in its own transaction; answers how many messages the server took. */
    public int sendBatch() {
        return transactions.executeWrite(status -> {
            Instant now = clock.instant();
            List<MailMessage> due = mails.due(now, BATCH);
            int sent = 0;
            for (int i = 0; i < due.size(); i++) {
                MailMessage message = due.get(i);
                try {
                    smtp.send(email(message).build(), composed -> headers(message, composed));
                    mails.sent(message.id(), now);
                    sent++;
                } catch (EmailException | IllegalArgumentException e) {
                    String error = describe(e);
                    if (permanent(e)) {
                        LOG.warn("Mail {} to {} refused for good: {}", message.id(), message.toAddress(), error);
                        mails.refused(message.id(), now, error);
                        continue;
                    }
                    // the server is away or busy: this message and the rest of the batch wait their turn
                    LOG.warn("Mail not sent now ({}); {} message(s) wait", error, due.size() - i);
                    due.subList(i, due.size()).forEach(waiting -> mails.retryLater(waiting.id(), now.plus(backOff(waiting.attempts() + 1)), error));
                    return sent;
                }
            }
            return due.size() == BATCH ? BATCH : sent;
        });
    }

    private Email.Builder email(MailMessage message) {
        Email.Builder email = Email.builder().from(from).to(message.toAddress()).subject(message.subject());
        return message.htmlBody() == null ? email.body(message.textBody()) : email.body(new MultipartBody(message.htmlBody(), message.textBody()));
    }

    /** The one-click unsubscribe of RFC 8058 (and RFC 2369's header it builds on), and the outbox's id of the message. */
    private static void headers(MailMessage message, Message composed) {
        try {
            composed.setHeader("X-Competency-Message-Id", message.messageId());
            if (message.unsubscribeUrl() != null) {
                composed.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
                composed.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            composed.setHeader("Auto-Submitted", "auto-generated");
        } catch (MessagingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Duration backOff(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    /** Whether the server refused the message for good: a 5xx answer to it or its addresses, or an address that is none. */
    static boolean permanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            int code = cause instanceof SMTPSendFailedException sendFailed ? sendFailed.getReturnCode()
                    : cause instanceof SMTPAddressFailedException addressFailed ? addressFailed.getReturnCode()
                    : cause instanceof SMTPSenderFailedException senderFailed ? senderFailed.getReturnCode() : 0;
            if (code >= 500 || cause instanceof AddressException) {
                return true;
            }
            if (code >= 400) {
                return false;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String text = deepest.getClass().getSimpleName() + ": " + String.valueOf(deepest.getMessage()).strip();
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
