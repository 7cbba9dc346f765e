package tw.training.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import tw.training.course.AssessmentMethod;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Why a method counts as satisfied for an indicator: the evidence and its latest judgement, which is MET, with what
 * that judgement recorded of the rules of evidence (nothing for a machine's scoring or a judgement older than them).
 *
 * @param performedOn     the day the evidence's work was performed
 * @param rulesOverridden the rules its assessor set aside, comma-separated
 * @param carried         when a learner's move carried the judgement from an older version (issue 35): the original
 */
@Serdeable
public record Satisfaction(AssessmentMethod method, long evidenceId, long judgementId, String assessor, Instant judgedAt,
                           LocalDate performedOn, @Nullable String authenticity, @Nullable Integer evidencePieces,
                           @Nullable Integer evidenceMethods, @Nullable String rulesOverridden, @Nullable String overrideReason,
                           @Nullable Carried carried) {

    /** The judgement a carried one names: its id, the older indicator it met, its assessor and when. */
    @Serdeable
    public record Carried(long judgementId, String indicator, String assessor, Instant judgedAt) {
    }

    boolean setAside(String rule) {
        return rulesOverridden != null && java.util.Arrays.asList(rulesOverridden.split(",")).contains(rule);
    }
}
