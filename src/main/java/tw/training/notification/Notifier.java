package tw.training.notification;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.address.PublicUrl;
import tw.training.database.Sql;
import tw.training.mail.Letter;
import tw.training.mail.Mailbox;
import tw.training.phrase.Phrase;
import tw.training.phrase.PhraseJson;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes notifications, in the transaction of what they tell: each in the user's list, and mailed as the user chose
 * for its kind — into the outbox now, or left for the day's digest, or not at all. Reads recipients and choices once for
 * the whole batch.
 */
@Singleton
public class Notifier {

    private static final List<String> COLUMNS = List.of("user_id", "kind", "title", "body", "link", "created_at", "read_at", "delivery",
            "digested_at");

    private final NotificationRepository rows;
    private final Mailbox mailbox;
    private final Unsubscribe unsubscribe;
    private final PhraseJson phrases;
    private final Clock clock;
    private final String home;
    private final Sql sql;

    Notifier(NotificationRepository rows, Mailbox mailbox, Unsubscribe unsubscribe, PhraseJson phrases, Clock clock, PublicUrl publicUrl, Sql sql) {
        this.sql = sql;
        this.rows = rows;
        this.mailbox = mailbox;
        this.unsubscribe = unsubscribe;
        this.phrases = phrases;
        this.clock = clock;
        this.home = publicUrl.value();
    }

    /** One thing to tell one user: a title, lines under it, and the page (a path of this server) it concerns. */
    public record Note(long userId, NotificationKind kind, Phrase title, List<Phrase> lines, String link) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(List<Note> notes) {
        if (notes.isEmpty()) {
            return;
        }
        Set<Long> userIds = notes.stream().map(Note::userId).collect(Collectors.toSet());
        Map<Long, NotificationRepository.Recipient> recipients = new HashMap<>();
        rows.recipients(userIds).forEach(recipient -> recipients.put(recipient.userId(), recipient));
        Map<String, Delivery> chosen = new HashMap<>();
        rows.choices(userIds).forEach(choice -> chosen.put(choice.userId() + ":" + choice.kind(), choice.delivery()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Notification> written = new ArrayList<>();
        List<Letter> letters = new ArrayList<>();
        for (Note note : notes) {
            NotificationRepository.Recipient recipient = recipients.get(note.userId());
            if (recipient == null) {
                continue;
            }
            Delivery delivery = chosen.getOrDefault(note.userId() + ":" + note.kind().name(), note.kind().byDefault);
            written.add(new Notification(null, note.userId(), note.kind(), phrases.write(note.title()), body(note.lines()), note.link(), now, null,
                    delivery, null));
            if (delivery == Delivery.IMMEDIATE) {
                letters.add(letter(recipient, note));
            }
        }
        // many rows a statement: a batch of judgements tells a thousand learners at once (issue 36)
        sql.insertAll("notification", "notification_id", COLUMNS, written.stream().map(n -> new Object[] {n.userId(), n.kind(), n.title(), n.body(),
                n.link(), n.createdAt(), n.readAt(), n.delivery(), n.digestedAt()}).toList());
        mailbox.postAll(letters);
    }

    private Letter letter(NotificationRepository.Recipient recipient, Note note) {
        Locale locale = Mailbox.locale(recipient.language());
        Map<String, Object> model = new HashMap<>();
        model.put("name", recipient.displayName());
        model.put("title", note.title().in(locale));
        model.put("lines", note.lines().stream().map(line -> line.in(locale)).toList());
        model.put("kind", Phrase.of("notify.kind." + note.kind().name()).in(locale));
        return new Letter(note.kind().name(), recipient.userId(), recipient.email(), recipient.language(), "notification", note.title(), model,
                home + note.link(), unsubscribe.link(recipient.userId(), note.kind().name()), false);
    }

    /** Lines as stored: one phrase (JSON, which holds no raw line break) per line. */
    private String body(List<Phrase> lines) {
        return lines.isEmpty() ? null : lines.stream().map(phrases::write).collect(Collectors.joining("\n"));
    }

    /** Lines as written by {@link #body}. */
    List<Phrase> lines(String body) {
        return body == null || body.isEmpty() ? List.of() : body.lines().map(phrases::read).toList();
    }

    Phrase title(Notification notification) {
        return phrases.read(notification.title());
    }
}
