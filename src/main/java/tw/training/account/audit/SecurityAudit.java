package tw.training.account.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Records security events (in the caller's transaction, if any) and lists them for administrators. */
@Singleton
public class SecurityAudit {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityAudit.class);
    private static final int NAME_LIMIT = 64;
    private static final int DETAIL_LIMIT = 500;

    private final JdbcOperations jdbc;
    private final Clock clock;

    SecurityAudit(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void record(SecurityEventType type, @Nullable String actor, @Nullable String subject, @Nullable String detail) {
        String safeActor = safe(actor, NAME_LIMIT);
        String safeSubject = safe(subject, NAME_LIMIT);
        String safeDetail = safe(detail, DETAIL_LIMIT);
        jdbc.prepareStatement("INSERT INTO security_event (occurred_at, event_type, actor, subject, detail) VALUES (?, ?, ?, ?, ?)",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(clock.instant()));
                    statement.setString(2, type.name());
                    statement.setString(3, safeActor);
                    statement.setString(4, safeSubject);
                    statement.setString(5, safeDetail);
                    return statement.executeUpdate();
                });
        LOG.info("security event {} actor={} subject={} {}", type, safeActor, safeSubject, safeDetail == null ? "" : safeDetail);
    }

    /** Newest first. */
    @ReadOnly
    public List<SecurityEvent> list(@Nullable SecurityEventType type, @Nullable String username, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM security_event WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        if (type != null) {
            sql.append(" AND event_type = ?");
            parameters.add(type.name());
        }
        if (username != null && !username.isBlank()) {
            sql.append(" AND (actor = ? OR subject = ?)");
            parameters.add(username);
            parameters.add(username);
        }
        sql.append(" ORDER BY occurred_at DESC, security_event_id DESC LIMIT ").append(limit);
        return jdbc.prepareStatement(sql.toString(), statement -> {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            List<SecurityEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new SecurityEvent(rows.getLong("security_event_id"), rows.getTimestamp("occurred_at").toInstant(),
                            SecurityEventType.valueOf(rows.getString("event_type")), rows.getString("actor"),
                            rows.getString("subject"), rows.getString("detail")));
                }
            }
            return events;
        });
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
