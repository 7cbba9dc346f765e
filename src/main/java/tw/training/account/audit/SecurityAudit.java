package tw.training.account.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/** Records security events (in the caller's transaction, if any) and lists them for administrators. */
@Singleton
public class SecurityAudit {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityAudit.class);
    private static final int NAME_LIMIT = 64;
    private static final int DETAIL_LIMIT = 500;

    private final AuditTrail trail;
    private final Clock clock;

    SecurityAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional
    public void record(SecurityEventType type, @Nullable String actor, @Nullable String subject, @Nullable String detail) {
        AuditEntry entry = trail.save(new AuditEntry(null, clock.instant(), type, safe(actor, NAME_LIMIT), safe(subject, NAME_LIMIT),
                safe(detail, DETAIL_LIMIT)));
        LOG.info("security event {} actor={} subject={} {}", type, entry.actor(), entry.subject(), entry.detail() == null ? "" : entry.detail());
    }

    /** Newest first. */
    @ReadOnly
    public List<SecurityEvent> list(@Nullable SecurityEventType type, @Nullable String username, int limit) {
        return trail.newest(type == null ? null : type.name(), username == null || username.isBlank() ? null : username, limit);
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
