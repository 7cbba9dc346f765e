package tw.training.certificate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * What {@code /verify} tells anyone: whether the certificate stands, for which course (and how many hours), who issued
 * it, since when, and whose, with the name partly masked. Nothing else: no username, no evidence, no progress.
 */
@Serdeable
public record Verification(CertificateStatus status, @Nullable String number, @Nullable Course course, @Nullable LocalDate issuedOn,
                           @Nullable LocalDate revokedOn, @Nullable String learner, @Nullable Issuer issuer) {

    @Serdeable
    public record Course(String code, String title, java.math.BigDecimal hours) {
    }

    static Verification unknown() {
        return new Verification(CertificateStatus.UNKNOWN, null, null, null, null, null, null);
    }
}
