package tw.training.evidence;

import java.util.Map;
import java.util.Set;

/**
 * Judgements were appended: per enrollment, the indicators they judged. Only those (enrollment, indicator) pairs
 * can have changed their progress.
 */
public record JudgementsRecorded(Map<Long, Set<Long>> indicatorsByEnrollment) {

    public JudgementsRecorded {
        indicatorsByEnrollment = Map.copyOf(indicatorsByEnrollment);
    }

    public Set<Long> enrollmentIds() {
        return indicatorsByEnrollment.keySet();
    }
}
