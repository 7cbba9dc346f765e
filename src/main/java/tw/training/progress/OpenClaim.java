package tw.training.progress;

import io.micronaut.core.annotation.Nullable;
import tw.training.course.AssessmentMethod;

import java.time.Instant;

/**
 * A claim that still matters to an enrollment's progress: a submitted piece of evidence claims an indicator for a
 * method the indicator still needs, and its latest judgement is none (it awaits one) or NOT_YET (with why).
 *
 * @param movedFrom the older indicator a learner's move attached the evidence from (issue 35), or null for the learner's own claim
 */
public record OpenClaim(long evidenceId, String title, AssessmentMethod method, String indicator, @Nullable Long judgementId,
                        @Nullable String comment, @Nullable String assessor, @Nullable Instant judgedAt, @Nullable String movedFrom) {

    public boolean awaiting() {
        return judgementId == null;
    }
}
