package tw.training.account.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One audited event.
 *
 * @param actor   who did it (null for an anonymous sign-in attempt)
 * @param subject the account it concerns
 */
@Serdeable
public record SecurityEvent(long id, Instant occurredAt, SecurityEventType type, @Nullable String actor,
                            @Nullable String subject, @Nullable String detail) {
}
