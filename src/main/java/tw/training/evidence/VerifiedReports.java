package tw.training.evidence;

import java.util.Collection;
import java.util.Set;

/**
 * Which pieces of evidence are signed third-party reports (filed from a request by mailed link) that no assessor has
 * verified by phone, e-mail or in person: a MET that says THIRD_PARTY_VERIFIED cannot rest on one. A report a learner
 * uploaded on paper has no such record; the assessor's word is all there is. Implemented where the reports live,
 * which depend on evidence.
 */
public interface VerifiedReports {

    Set<Long> unverifiedAmong(Collection<Long> evidenceIds);
}
