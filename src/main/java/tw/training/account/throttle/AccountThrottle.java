package tw.training.account.throttle;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The wrong passwords sent for one account from anywhere, and until when every attempt at it must wait. */
@MappedEntity("account_throttle")
record AccountThrottle(@Id String username, int failures, @Nullable Instant blockedUntil, Instant updatedAt) {
}
