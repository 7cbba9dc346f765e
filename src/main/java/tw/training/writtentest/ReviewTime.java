package tw.training.writtentest;

import java.time.Instant;

/**
 * When a learner may see a part of their closed attempt (whether each answer was right, or the key), in the order a
 * test may reveal them: the key is never shown before right and wrong.
 */
public enum ReviewTime {
    AFTER_EACH, AFTER_LAST, AFTER_CLOSE, NEVER;

    /**
     * Whether it is time: the attempt is closed, and (as this says) always, once the learner has no attempt left, or
     * once the test has closed.
     */
    boolean reached(boolean attemptClosed, boolean noAttemptLeft, @io.micronaut.core.annotation.Nullable Instant closesAt, Instant now) {
        return attemptClosed && switch (this) {
            case AFTER_EACH -> true;
            case AFTER_LAST -> noAttemptLeft;
            case AFTER_CLOSE -> closesAt != null && !now.isBefore(closesAt);
            case NEVER -> false;
        };
    }
}
