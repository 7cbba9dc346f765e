package tw.training.course;

import java.util.Set;

/**
 * One indicator of a revision's assessment plan, for features that check claims and judgements against it.
 *
 * @param id          e.g. KPS5294-001v4:P2.3.1
 * @param taskId      e.g. KPS5294-001v4:T2.3
 * @param sufficiency the indicator's row of the sufficiency matrix
 */
public record PlanEntry(long indicatorId, String id, String text, String taskId, String taskTitle, Set<AssessmentMethod> methods,
                        Sufficiency sufficiency) {

    /**
     * What the body of evidence behind a MET must hold: at least {@code minPieces} pieces of at least {@code minMethods}
     * distinct methods; and whether third-party reports, supplementary by default, may meet the indicator alone.
     */
    public record Sufficiency(int minPieces, int minMethods, boolean thirdPartyAlone) {

        /** One piece per required method, which SPEC §5's rule asks anyway; third-party reports never alone. */
        public static final Sufficiency DEFAULT = new Sufficiency(1, 1, false);
    }

    /** Whether a MET on evidence of {@code method} would rest on third-party reports alone, which the plan does not allow. */
    public boolean thirdPartyAloneRefused(AssessmentMethod method) {
        return method == AssessmentMethod.THIRD_PARTY_REPORT && !sufficiency.thirdPartyAlone()
                && methods.stream().allMatch(required -> required == AssessmentMethod.THIRD_PARTY_REPORT);
    }
}
