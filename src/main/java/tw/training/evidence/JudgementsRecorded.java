package tw.training.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judgements were appended: per enrollment, the indicators they judged (only those (enrollment, indicator) pairs can have
 * changed their progress), and the judgements themselves, for those who record what happened (xAPI).
 */
public record JudgementsRecorded(Map<Long, Set<Long>> indicatorsByEnrollment, List<Recorded> judgements) {

    /** One judgement as recorded. */
    public record Recorded(long judgementId, long enrollmentId, long evidenceId, long indicatorId, Outcome outcome, long assessorId,
                           Instant judgedAt) {
    }

    public JudgementsRecorded {
        indicatorsByEnrollment = Map.copyOf(indicatorsByEnrollment);
        judgements = List.copyOf(judgements);
    }

    public Set<Long> enrollmentIds() {
        return indicatorsByEnrollment.keySet();
    }
}
