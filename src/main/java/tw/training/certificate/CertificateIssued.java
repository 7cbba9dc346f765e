package tw.training.certificate;

import java.time.Instant;

/** A certificate was issued: published in the transaction that recorded it, so what listeners write commits with it. */
public record CertificateIssued(String number, long enrollmentId, Instant issuedAt) {
}
