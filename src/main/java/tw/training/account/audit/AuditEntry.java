package tw.training.account.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of the audit trail as stored; read back as {@link SecurityEvent}. */
@MappedEntity("security_event")
record AuditEntry(@Id @GeneratedValue @MappedProperty("security_event_id") @Nullable Long id, Instant occurredAt,
                  @MappedProperty("event_type") SecurityEventType type, @Nullable String actor, @Nullable String subject,
                  @Nullable String detail, @Nullable String detailPhrase) {
}
