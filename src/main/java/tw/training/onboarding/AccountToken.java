package tw.training.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code account_token}: the hash of a one-time token, whose it is, for what, until when, and whether spent. */
@MappedEntity("account_token")
record AccountToken(@Id @GeneratedValue @MappedProperty("account_token_id") @Nullable Long id, long userId, TokenPurpose purpose,
                    String tokenHash, Instant createdAt, Instant expiresAt, @Nullable Instant usedAt, @Nullable Instant replacedAt) {
}
