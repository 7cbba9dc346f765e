package tw.training.certificate;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A certificate as a line of a report: which enrollment, which number, whether it stands. */
public record CertificateSummary(long enrollmentId, String number, CertificateStatus status, Instant issuedAt, @Nullable Instant revokedAt) {
}
