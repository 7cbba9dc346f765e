package tw.training.thirdparty;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import tw.training.evidence.VerifiedReports;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Tells the rules of evidence which third-party reports an assessor verified (by phone, e-mail or in person). */
@Singleton
class ReportVerifications implements VerifiedReports {

    private final ReportRequestRepository requests;

    ReportVerifications(ReportRequestRepository requests) {
        this.requests = requests;
    }

    @Override
    @ReadOnly
    public Set<Long> verifiedAmong(Collection<Long> evidenceIds) {
        return evidenceIds.isEmpty() ? Set.of() : new HashSet<>(requests.verifiedAmong(evidenceIds));
    }
}
