package tw.training.evidence;

import java.util.Collection;
import java.util.Set;

/**
 * Which pieces of evidence are third-party reports an assessor verified by phone, e-mail or in person: what the rule
 * "authentic" asks of a MET that says THIRD_PARTY_VERIFIED. Implemented where the reports live, which depend on evidence.
 */
public interface VerifiedReports {

    Set<Long> verifiedAmong(Collection<Long> evidenceIds);
}
