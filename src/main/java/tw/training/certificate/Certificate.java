package tw.training.certificate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of {@code certificate}: numbered per course and year, with the learner's name, the course's code, title and
 * hours and the training provider copied in as they were when it was issued (V008, V018), and the certificate it
 * replaces, if any.
 */
@MappedEntity("certificate")
record Certificate(@Id @GeneratedValue @MappedProperty("certificate_id") @Nullable Long id, long enrollmentId, long courseId, int issuedYear,
                   int sequenceNumber, String number, String token, Instant issuedAt, long issuedBy, @Nullable Instant revokedAt,
                   @Nullable Long revokedBy, @Nullable String revocationReason, String learnerName, String courseCode, String courseTitle,
                   @MappedProperty("replaces_certificate_id") @Nullable Long replaces, BigDecimal courseHours, @Nullable String providerName,
                   @Nullable String signatoryName, @Nullable String signatoryTitle, @Nullable Long providerLogoId) {
}
