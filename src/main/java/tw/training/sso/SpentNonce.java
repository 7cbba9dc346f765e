package tw.training.sso;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The SHA-256 of the nonce of an ID token accepted once: the same token is never accepted again, on any instance. */
@MappedEntity("spent_nonce")
record SpentNonce(@Id String nonceHash, Instant spentAt) {
}
