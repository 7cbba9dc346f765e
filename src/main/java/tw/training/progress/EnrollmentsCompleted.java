package tw.training.progress;

import java.time.Instant;
import java.util.List;

/** Judgements completed these enrollments (every indicator of their plan met): published in the judging transaction. */
public record EnrollmentsCompleted(List<Long> enrollmentIds, Instant completedAt) {

    public EnrollmentsCompleted {
        enrollmentIds = List.copyOf(enrollmentIds);
    }
}
