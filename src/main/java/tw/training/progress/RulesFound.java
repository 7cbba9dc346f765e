package tw.training.progress;

import tw.training.course.PlanEntry;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Reads the four rules of evidence of one indicator off the MET judgements that satisfy it. */
final class RulesFound {

    private RulesFound() {
    }

    static RulesOfEvidence of(PlanEntry entry, boolean met, List<Satisfaction> satisfiedBy, int currencyMonths) {
        RulesOfEvidence.Standing kept = met ? RulesOfEvidence.Standing.KEPT : RulesOfEvidence.Standing.OPEN;
        // a judgement that recorded no body (a machine's scoring, or one older than the rules) stood on its own piece
        int pieces = satisfiedBy.stream().mapToInt(s -> s.evidencePieces() == null ? 1 : s.evidencePieces()).max().orElse(0);
        int methods = satisfiedBy.stream().mapToInt(s -> s.evidenceMethods() == null ? 1 : s.evidenceMethods()).max().orElse(0);
        PlanEntry.Sufficiency least = entry.sufficiency();
        return new RulesOfEvidence(
                new RulesOfEvidence.Valid(kept, satisfiedBy.stream().map(Satisfaction::method).distinct().sorted().toList(),
                        satisfiedBy.stream().map(Satisfaction::evidenceId).distinct().toList()),
                new RulesOfEvidence.Sufficient(standing(kept, satisfiedBy, "SUFFICIENT"), pieces, methods, least.minPieces(), least.minMethods(),
                        reason(satisfiedBy, "SUFFICIENT")),
                new RulesOfEvidence.Authentic(standing(kept, satisfiedBy, "AUTHENTIC"), satisfiedBy.stream()
                        .map(s -> s.authenticity() == null ? "NOT_RECORDED" : s.authenticity()).distinct().sorted().toList(),
                        reason(satisfiedBy, "AUTHENTIC")),
                new RulesOfEvidence.Current(standing(kept, satisfiedBy, "CURRENT"), satisfiedBy.stream().map(Satisfaction::performedOn)
                        .min(Comparator.naturalOrder()).orElse(null), currencyMonths, reason(satisfiedBy, "CURRENT")));
    }

    private static RulesOfEvidence.Standing standing(RulesOfEvidence.Standing kept, List<Satisfaction> satisfiedBy, String rule) {
        return kept == RulesOfEvidence.Standing.KEPT && satisfiedBy.stream().anyMatch(s -> s.setAside(rule)) ? RulesOfEvidence.Standing.SET_ASIDE : kept;
    }

    private static String reason(List<Satisfaction> satisfiedBy, String rule) {
        return satisfiedBy.stream().filter(s -> s.setAside(rule)).map(Satisfaction::overrideReason).filter(Objects::nonNull)
                .distinct().reduce((a, b) -> a + " / " + b).orElse(null);
    }
}
