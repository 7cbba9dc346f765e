package tw.training.account.throttle;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * The wrong passwords one source sent for one username, and until when that source must wait before it may try
 * that username again.
 */
@MappedEntity("login_throttle")
record LoginThrottle(@Id @GeneratedValue @MappedProperty("login_throttle_id") @Nullable Long id,
                     String username, String source, int failures, @Nullable Instant blockedUntil, Instant updatedAt) {
}
