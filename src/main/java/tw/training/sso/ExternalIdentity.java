package tw.training.sso;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A provider's account linked to a local user: the (issuer, subject) pair the provider signs, never an e-mail address.
 * {@code linkedBy} is the administrator who linked it, null when the user did.
 */
@Serdeable
@MappedEntity("external_identity")
public record ExternalIdentity(@Id @GeneratedValue @MappedProperty("external_identity_id") @Nullable Long id, long userId, String provider,
                               String issuer, String subject, @Nullable String email, Instant linkedAt, @Nullable Long linkedBy,
                               @Nullable Instant lastSignedInAt) {
}
