package tw.training.sso;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * An identity whose provider vouched for the address of a local user, waiting for that user to confirm with their
 * password: only the SHA-256 of its link's token is kept.
 */
@MappedEntity("identity_link_request")
record LinkRequest(@Id @GeneratedValue @MappedProperty("identity_link_request_id") @Nullable Long id, String tokenHash, long userId,
                   String provider, String issuer, String subject, String email, Instant createdAt, Instant expiresAt) {
}
