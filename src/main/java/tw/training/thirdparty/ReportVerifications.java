package tw.training.thirdparty;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import tw.training.evidence.VerifiedReports;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Tells the rules of evidence which signed third-party reports no assessor has verified (by phone, e-mail or in person). */
@Singleton
class ReportVerifications implements VerifiedReports {

    private final ReportRequestRepository requests;

    ReportVerifications(ReportRequestRepository requests) {
        this.requests = requests;
    }

    @Override
    @ReadOnly
    public Set<Long> unverifiedAmong(Collection<Long> evidenceIds) {
        return evidenceIds.isEmpty() ? Set.of() : new HashSet<>(requests.unverifiedAmong(evidenceIds));
    }
}
