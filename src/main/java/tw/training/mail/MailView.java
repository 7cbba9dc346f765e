package tw.training.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A message of the outbox as the API shows it; {@code text} only when one message is asked for. */
@Serdeable
public record MailView(long id, String kind, String to, String language, String subject, MailState state, Instant createdAt,
                       int attempts, @Nullable Instant sentAt, @Nullable Instant refusedAt, @Nullable String lastError,
                       @Nullable String link, @Nullable String text) {

    static MailView of(MailMessage message, boolean whole) {
        return new MailView(message.id(), message.kind(), message.toAddress(), message.language(), message.subject(), message.state(),
                message.createdAt(), message.attempts(), message.sentAt(), message.refusedAt(), message.lastError(), message.link(),
                whole ? message.textBody() : null);
    }
}
