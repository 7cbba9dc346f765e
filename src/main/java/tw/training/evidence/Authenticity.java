package tw.training.evidence;

import tw.training.course.AssessmentMethod;

import java.util.Arrays;
import java.util.Optional;

/** How an assessor established that a piece of evidence is the learner's own work (the rule "authentic"). */
public enum Authenticity {
    OBSERVED_BY_ASSESSOR,
    THIRD_PARTY_VERIFIED,
    QUESTIONED_ORALLY,
    LEARNER_DECLARATION;

    public static Optional<Authenticity> of(String code) {
        return Arrays.stream(values()).filter(value -> value.name().equals(code)).findFirst();
    }

    /**
     * What an assessor who says nothing relies on, by the piece's method: what they watched, what they asked, the
     * report's verification, or else the learner's declaration that the work is their own (SPEC §4's body has no field
     * for it, and callers of the SPEC stay valid).
     */
    public static Authenticity usual(AssessmentMethod method) {
        return switch (method) {
            case OBSERVATION, SIMULATION -> OBSERVED_BY_ASSESSOR;
            case ORAL_QUESTIONING -> QUESTIONED_ORALLY;
            case THIRD_PARTY_REPORT -> THIRD_PARTY_VERIFIED;
            default -> LEARNER_DECLARATION;
        };
    }
}
