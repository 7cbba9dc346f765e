package tw.training.progress;

import java.time.Instant;
import java.util.List;

/**
 * These enrollments now meet every indicator of their plan: published in the transaction that made it so, with the
 * record that did (the last judgement of a recording, the last move of a run, a move's reversal), which a completion's
 * xAPI statement follows and is named by.
 */
public record EnrollmentsCompleted(List<Long> enrollmentIds, Instant completedAt, Cause cause) {

    public EnrollmentsCompleted {
        enrollmentIds = List.copyOf(enrollmentIds);
    }

    /** The record whose writing completed them: its kind as the transparency log names it, and its id. */
    public record Cause(String kind, long recordId) {

        public static Cause judgement(long judgementId) {
            return new Cause("JUDGEMENT", judgementId);
        }

        /** Whether judgements brought the completion (then it is as of their time, and told with them). */
        public boolean isJudgement() {
            return "JUDGEMENT".equals(kind);
        }

        public static Cause move(long moveId) {
            return new Cause("LEARNER_MOVE", moveId);
        }

        public static Cause reversal(long moveId) {
            return new Cause("MOVE_REVERTED", moveId);
        }
    }
}
