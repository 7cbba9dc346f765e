package tw.training.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A row of {@code mail_message}: one message to one address, written whole (subject and bodies in the recipient's
 * language) when what it tells committed; waiting until {@code sentAt} or {@code refusedAt} is set.
 */
@MappedEntity("mail_message")
public record MailMessage(@Id @GeneratedValue @MappedProperty("mail_id") @Nullable Long id, String messageId, String kind,
                          @Nullable Long recipientId, String toAddress, String language, String subject, String textBody,
                          @Nullable String htmlBody, @Nullable String link, @Nullable String unsubscribeUrl, boolean oneTime,
                          Instant createdAt, int attempts, Instant nextAttemptAt, @Nullable Instant sentAt, @Nullable Instant refusedAt,
                          @Nullable String lastError) {

    /** Where the message stands: waiting to be sent (or, with mail off, to be read here), sent, or refused for good. */
    public MailState state() {
        return sentAt != null ? MailState.SENT : refusedAt != null ? MailState.REFUSED : MailState.WAITING;
    }
}
