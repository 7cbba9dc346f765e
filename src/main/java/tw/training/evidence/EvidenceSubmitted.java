package tw.training.evidence;

import java.time.Instant;
import java.util.List;

/**
 * A learner submitted evidence: published in the transaction that recorded it, so what listeners write commits with it.
 *
 * @param indicators the claimed indicators' ids ("KPS5294-001v4:P2.3.1")
 */
public record EvidenceSubmitted(long evidenceId, long enrollmentId, String method, String title, List<String> indicators, Instant submittedAt) {
}
