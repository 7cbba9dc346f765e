package tw.training.account.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The audit trail's rows: appended, and read newest first. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditTrail extends GenericRepository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    /** Newest first, of one type and about one user when those are given. */
    @Query("SELECT * FROM security_event WHERE (CAST(:type AS VARCHAR) IS NULL OR event_type = :type)"
            + " AND (CAST(:username AS VARCHAR) IS NULL OR actor = :username OR subject = :username)"
            + " ORDER BY occurred_at DESC, security_event_id DESC LIMIT :limit")
    List<SecurityEvent> newest(@Nullable String type, @Nullable String username, int limit);
}
