package tw.training.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code app_user} as written; read back with its roles as {@link User}. */
@MappedEntity("app_user")
record UserRow(@Id @GeneratedValue @MappedProperty("user_id") @Nullable Long id, String username, String displayName, String email,
               String passwordHash, boolean enabled, int tokenVersion, Instant createdAt, String language, boolean ssoOnly) {
}
