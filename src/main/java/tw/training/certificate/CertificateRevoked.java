package tw.training.certificate;

import java.time.Instant;

/** A certificate was revoked: published in the transaction that recorded it, so what listeners write commits with it. */
public record CertificateRevoked(String number, long enrollmentId, String reason, Instant revokedAt) {
}
