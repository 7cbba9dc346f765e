package tw.training.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import tw.training.course.AssessmentMethod;

import java.time.LocalDate;
import java.util.List;

/**
 * The four rules of evidence for one indicator of an enrollment, from the MET judgements that satisfy it: each KEPT,
 * SET_ASIDE by an assessor with the reason given, or OPEN while the indicator is not met.
 */
@Serdeable
public record RulesOfEvidence(Valid valid, Sufficient sufficient, Authentic authentic, Current current) {

    /** How a rule stands for an indicator. */
    public enum Standing {
        KEPT, SET_ASIDE, OPEN
    }

    /** Valid: the pieces behind the MET claim it by the methods the plan requires. */
    @Serdeable
    public record Valid(Standing standing, List<AssessmentMethod> methods, List<Long> evidence) {
    }

    /** Sufficient: the largest body of evidence a satisfying MET counted, against the plan's minimum. */
    @Serdeable
    public record Sufficient(Standing standing, int pieces, int methods, int minPieces, int minMethods, @Nullable String reason) {
    }

    /**
     * Authentic: how it was established, per satisfying MET ({@code NOT_RECORDED} for a machine's scoring and for
     * judgements made before the rules were recorded).
     */
    @Serdeable
    public record Authentic(Standing standing, List<String> ways, @Nullable String reason) {
    }

    /** Current: the oldest performance a satisfying MET rests on, and the course's window. */
    @Serdeable
    public record Current(Standing standing, @Nullable LocalDate performedOn, int windowMonths, @Nullable String reason) {
    }
}
