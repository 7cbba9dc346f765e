package tw.training.account.throttle;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A device that signed in to an account: the SHA-256 of its cookie, and when it was last seen signing in. */
@MappedEntity("known_device")
record KnownDevice(@Id @GeneratedValue @MappedProperty("known_device_id") @Nullable Long id, String username, String tokenHash,
                   Instant createdAt, Instant lastUsedAt) {
}
