package tw.training.evidence;

/**
 * A machine recorded a piece of evidence (a closed written test), published in the transaction that recorded it. Not
 * an {@link EvidenceSubmitted}: no learner submitted it, and what listens to submissions (xAPI) says so of learners.
 */
public record EvidenceScored(long evidenceId, long enrollmentId) {
}
