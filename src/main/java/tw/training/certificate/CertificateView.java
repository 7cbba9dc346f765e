package tw.training.certificate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * SPEC §6: a certificate as its learner, the course's trainers and admins see it, and as it is printed.
 *
 * @param replaces        the number of the revoked certificate this one replaces, if any
 * @param issuer          the training provider that issued it, as it was then
 * @param verificationUrl the public page the QR code points to
 * @param documents       the catalogue documents the course is aligned to
 * @param tasks           every task of the plan, achieved (only complete enrollments are certified): a whole task when the
 *                        plan assessed all its indicators, else only the indicators listed
 */
@Serdeable
public record CertificateView(String number, Instant issuedAt, LocalDate issuedOn, CertificateStatus status, @Nullable Instant revokedAt,
                              @Nullable String revocationReason, long enrollmentId, @Nullable String replaces, Course course, Learner learner,
                              String verificationUrl, Issuer issuer,
                              List<Document> documents, List<Task> tasks) {

    /** @param hours the course's hours when the certificate was issued */
    @Serdeable
    public record Course(long id, String code, String title, java.math.BigDecimal hours) {
    }

    @Serdeable
    public record Learner(String username, String displayName) {
    }

    @Serdeable
    public record Document(String code, String name, @Nullable String version) {
    }

    /**
     * @param whole      whether every indicator of the task was assessed and met
     * @param indicators the indicators assessed and met, all of them when whole
     */
    @Serdeable
    public record Task(String id, String title, @Nullable Integer level, boolean whole, List<Indicator> indicators) {
    }

    @Serdeable
    public record Indicator(String id, String text) {
    }
}
