package tw.training.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A signed-in browser: the SHA-256 of its cookie, whose user it is under which token version, the CSRF token of
 * its forms, until when it stands, and the provider it was opened through (null: a password).
 */
@MappedEntity("page_session")
record PageSession(@Id @GeneratedValue @MappedProperty("page_session_id") @Nullable Long id, String tokenHash, long userId,
                   int tokenVersion, String csrfToken, Instant createdAt, Instant lastSeenAt, Instant expiresAt, @Nullable String provider) {
}
