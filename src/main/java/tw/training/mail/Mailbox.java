package tw.training.mail;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.utility.DeepUnwrap;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.database.Sql;
import tw.training.phrase.Phrase;
import tw.training.web.Templates;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Puts a message into the outbox, written whole in the recipient's language, inside the transaction of what it tells
 * (required: a message of something rolled back must not exist, one of something committed must). Nothing is sent
 * here: the sender takes it from the outbox, so no request waits on a mail server and none is lost while it is down.
 */
@Singleton
public class Mailbox {

    private static final int MAX_SUBJECT = 300;
    private static final List<String> COLUMNS = List.of("message_id", "kind", "recipient_id", "to_address", "language", "subject", "text_body",
            "html_body", "link", "unsubscribe_url", "one_time", "created_at", "attempts", "next_attempt_at", "sent_at", "refused_at", "last_error");

    private final MailRepository mails;
    private final Templates templates;
    private final Clock clock;
    private final Sql sql;

    Mailbox(MailRepository mails, Templates templates, Clock clock, Sql sql) {
        this.sql = sql;
        this.mails = mails;
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MailMessage post(Letter letter) {
        return mails.save(written(letter));
    }

    /**
     * Several messages at once (a batch of judgements told), in multi-row INSERTs rather than one a message: telling a
     * thousand learners runs beside the assessors' next batch (issue 36).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void postAll(List<Letter> letters) {
        sql.insertAll("mail_message", "mail_id", COLUMNS, letters.stream().map(this::written).map(m -> new Object[] {m.messageId(), m.kind(),
                m.recipientId(), m.toAddress(), m.language(), m.subject(), m.textBody(), m.htmlBody(), m.link(), m.unsubscribeUrl(), m.oneTime(),
                m.createdAt(), m.attempts(), m.nextAttemptAt(), m.sentAt(), m.refusedAt(), m.lastError()}).toList());
    }

    /** The message written whole, in the recipient's language, not yet stored. */
    private MailMessage written(Letter letter) {
        Locale locale = locale(letter.language());
        Map<String, Object> model = new HashMap<>(letter.model());
        model.put("t", (TemplateMethodModelEx) arguments -> {
            Object[] values = arguments.stream().map(argument -> unwrap((TemplateModel) argument)).toArray();
            return Phrase.of(String.valueOf(values[0]), java.util.Arrays.copyOfRange(values, 1, values.length)).in(locale);
        });
        model.put("link", letter.link() == null ? "" : letter.link());
        model.put("unsubscribe", letter.unsubscribeUrl() == null ? "" : letter.unsubscribeUrl());
        model.put("lang", letter.language());
        String subject = letter.subject().in(locale);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new MailMessage(null, UUID.randomUUID().toString(), letter.kind(), letter.recipientId(), letter.address(),
                letter.language(), subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject,
                templates.render("mail/" + letter.template() + ".ftl", model), templates.render("mail/" + letter.template() + ".ftlh", model),
                letter.link(), letter.unsubscribeUrl(), letter.oneTime(), now, 0, now, null, null, null);
    }

    /** The locale of a language tag of ours: English for {@code en}, else Traditional Chinese. */
    public static Locale locale(String language) {
        return "en".equalsIgnoreCase(language) ? Locale.ENGLISH : Locale.TRADITIONAL_CHINESE;
    }

    private static Object unwrap(TemplateModel model) {
        try {
            return DeepUnwrap.unwrap(model);
        } catch (freemarker.template.TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }
}
