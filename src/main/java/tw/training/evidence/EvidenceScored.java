package tw.training.evidence;

import java.util.List;

/**
 * A machine recorded pieces of evidence (closed written tests), published in the transaction that recorded them. Not
 * an {@link EvidenceSubmitted}: no learner submitted them, and what listens to submissions (xAPI) says so of learners.
 */
public record EvidenceScored(List<Long> evidenceIds) {

    public EvidenceScored {
        evidenceIds = List.copyOf(evidenceIds);
    }
}
