package tw.training.thirdparty;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A row of {@code third_party_request}: who is asked, and the state of the link and of its code (hashes only).
 *
 * @param submissionKey the asking form's one-time key: the same form sent twice asks once
 */
@MappedEntity("third_party_request")
record ReportRequest(@Id @GeneratedValue @MappedProperty("third_party_request_id") @Nullable Long id, long enrollmentId, long requestedBy,
                     String name, String email, String organisation, String jobTitle, String relationship, String language,
                     String tokenHash, Instant createdAt, Instant expiresAt, @Nullable Instant openedAt, @Nullable String codeHash,
                     @Nullable Instant codeExpiresAt, int codeAttempts, @Nullable Instant submittedAt, @Nullable String submittedFrom,
                     @Nullable String reportHash, @Nullable String signedReport, @Nullable Long evidenceId, @Nullable String verifiedMethod,
                     @Nullable java.time.LocalDate verifiedOn, @Nullable Long verifiedBy, @Nullable Instant verifiedAt,
                     @Nullable String submissionKey) {
}
