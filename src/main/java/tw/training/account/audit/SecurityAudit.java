package tw.training.account.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import tw.training.phrase.Phrase;
import tw.training.phrase.PhraseJson;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** Records security events (in the caller's transaction, if any) and lists them for administrators. */
@Singleton
public class SecurityAudit {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityAudit.class);
    private static final int NAME_LIMIT = 64;
    private static final int DETAIL_LIMIT = 500;
    private static final int PHRASE_LIMIT = 4000;

    private final AuditTrail trail;
    private final PhraseJson phrases;
    private final Clock clock;

    SecurityAudit(AuditTrail trail, PhraseJson phrases, Clock clock) {
        this.trail = trail;
        this.phrases = phrases;
        this.clock = clock;
    }

    /**
     * @param detail what happened, as a phrase: kept as key and arguments and put into words when the trail is read
     *               (in English beside it, for logs and the API)
     */
    @Transactional
    public void record(SecurityEventType type, @Nullable String actor, @Nullable String subject, @Nullable Phrase detail) {
        String kept = detail == null ? null : phrases.write(detail);
        AuditEntry entry = trail.save(new AuditEntry(null, clock.instant(), type, safe(actor, NAME_LIMIT), safe(subject, NAME_LIMIT),
                detail == null ? null : safe(detail.english(), DETAIL_LIMIT), kept == null || kept.length() > PHRASE_LIMIT ? null : kept));
        LOG.info("security event {} actor={} subject={} {}", type, entry.actor(), entry.subject(), entry.detail() == null ? "" : entry.detail());
    }

    /** Newest first. */
    @ReadOnly
    public List<SecurityEvent> list(@Nullable SecurityEventType type, @Nullable String username, int limit) {
        return trail.newest(type == null ? null : type.name(), username == null || username.isBlank() ? null : username, limit);
    }

    /** An entry's description in the reader's language (older entries, kept before phrases, in their English). */
    public @Nullable String describe(SecurityEvent event, Locale language) {
        return event.detailPhrase() == null ? event.detail() : phrases.read(event.detailPhrase()).in(language);
    }

    /** Names typed by anonymous callers end up here and in logs: no control characters, bounded length. */
    private static String safe(@Nullable String text, int limit) {
        if (text == null) {
            return null;
        }
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= limit ? printable : printable.substring(0, limit);
    }
}
