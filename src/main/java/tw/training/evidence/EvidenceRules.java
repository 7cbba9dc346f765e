package tw.training.evidence;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.course.AssessmentMethod;
import tw.training.course.EnrolledPlans;
import tw.training.course.PlanEntry;
import tw.training.phrase.Phrase;
import tw.training.problem.InputError;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of evidence a MET must keep (issue 33), checked for every MET of a request together:
 * <ul>
 *     <li><b>valid</b>: the piece claims the indicator by a method the plan requires (checked when it was submitted);
 *     a MET on a third-party report is refused outright where the plan's only method is the report and the plan does
 *     not allow reports alone — they are supplementary;</li>
 *     <li><b>sufficient</b>: the body of evidence — the enrollment's pieces claiming the indicator that are not
 *     withdrawn and not last judged NOT_YET, this request's judgements included — holds the plan's minimum of pieces
 *     and of distinct methods. Counting pieces not yet judged is deliberate: an assessor judges a body of evidence one
 *     piece at a time, and a rule that waited for every other piece's MET could never be kept by the first;</li>
 *     <li><b>authentic</b>: how authenticity was established; THIRD_PARTY_VERIFIED on a report signed by mailed link
 *     needs the assessor's record of a call, mail or meeting;</li>
 *     <li><b>current</b>: the work was performed within the course's currency window of the judging day.</li>
 * </ul>
 * Sufficient, authentic and current may be set aside with a reason, which the judgement records with the rules named.
 */
@Singleton
class EvidenceRules {

    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    static final int MAX_REASON = 2000;

    /** The rules an assessor may set aside with a reason. */
    enum Rule {
        SUFFICIENT, AUTHENTIC, CURRENT
    }

    /** A MET to check: the piece, the indicator (row id and id), what the assessor said, and where in the request it is. */
    record Met(String at, EvidenceRepository.Header header, long indicatorId, String indicator, @Nullable Authenticity authenticity,
               @Nullable String reason) {
    }

    /** What a MET records of the rules. */
    record Recorded(Authenticity authenticity, int pieces, int methods, @Nullable String overridden, @Nullable String reason) {
    }

    /** A piece and an indicator it claims. */
    record Claim(long evidenceId, long indicatorId) {
    }

    private record Body(long enrollmentId, long indicatorId) {
    }

    private final ClaimReads claims;
    /** The plans of the pieces' enrollments: published, so never changing, and kept in memory rather than read per judgement. */
    private final EnrolledPlans plans;
    private final VerifiedReports verified;
    private final Clock clock;

    EvidenceRules(ClaimReads claims, EnrolledPlans plans, VerifiedReports verified, Clock clock) {
        this.claims = claims;
        this.plans = plans;
        this.verified = verified;
        this.clock = clock;
    }

    /**
     * Checks the METs of a request; a broken rule without a reason is added to {@code errors}, named.
     *
     * @param outcomes every judgement of the request by piece and indicator, the last one for a pair counting
     * @return what each MET records, in the order given (meaningless when errors were added)
     */
    List<Recorded> check(List<Met> mets, Map<Claim, Outcome> outcomes, List<InputError> errors) {
        if (mets.isEmpty()) {
            return List.of();
        }
        Map<Body, Map<Long, AssessmentMethod>> bodies = bodies(mets, outcomes);
        Set<Long> unverified = verified.unverifiedAmong(mets.stream().filter(met -> met.header().method() == AssessmentMethod.THIRD_PARTY_REPORT)
                .map(met -> met.header().id()).collect(Collectors.toSet()));
        LocalDate today = LocalDate.now(clock.withZone(TAIPEI));
        List<Recorded> recorded = new ArrayList<>(mets.size());
        for (Met met : mets) {
            EvidenceRepository.Header piece = met.header();
            EnrolledPlans.Plan plan = plans.of(piece.revisionId());
            EnrolledPlans.Indicator planned = plan.indicator(met.indicatorId());
            PlanEntry entry = planned == null ? null : planned.entry();
            if (entry == null || entry.thirdPartyAloneRefused(piece.method())) {
                errors.add(InputError.field(met.at() + "rules.valid", "evidence.rule-third-party-alone", met.indicator()));
                recorded.add(null);
                continue;
            }
            // the piece a MET rests on is in its body, even when a later judgement of the same request says otherwise
            Map<Long, AssessmentMethod> body = new HashMap<>(bodies.getOrDefault(new Body(piece.enrollmentId(), met.indicatorId()), Map.of()));
            body.put(piece.id(), piece.method());
            int pieces = body.size();
            int methods = new HashSet<>(body.values()).size();
            Authenticity authenticity = met.authenticity() != null ? met.authenticity() : Authenticity.usual(piece.method());
            int months = plan.currencyMonths();
            Map<Rule, Phrase> broken = new LinkedHashMap<>();
            PlanEntry.Sufficiency least = entry.sufficiency();
            if (pieces < least.minPieces() || methods < least.minMethods()) {
                broken.put(Rule.SUFFICIENT, Phrase.of("evidence.rule-sufficient", pieces, methods, least.minPieces(), least.minMethods()));
            }
            if (authenticity == Authenticity.THIRD_PARTY_VERIFIED && unverified.contains(piece.id())) {
                broken.put(Rule.AUTHENTIC, Phrase.of("evidence.rule-authentic-unverified"));
            }
            if (piece.performed().isBefore(today.minusMonths(months))) {
                broken.put(Rule.CURRENT, Phrase.of("evidence.rule-current", piece.performed().toString(), months));
            }
            String reason = met.reason() == null || met.reason().isBlank() ? null : met.reason().strip();
            if (!broken.isEmpty() && reason == null) {
                broken.forEach((rule, why) -> errors.add(InputError.field(met.at() + "rules." + rule.name().toLowerCase(Locale.ROOT), why)));
            }
            recorded.add(new Recorded(authenticity, pieces, methods, broken.isEmpty() ? null : String.join(",", broken.keySet().stream().map(Enum::name).toList()),
                    broken.isEmpty() ? null : reason));
        }
        return recorded;
    }

    /**
     * The pieces (and their methods) of each body of evidence the METs rest on, read in one query: the stored latest
     * outcomes, then this request's own, so that a batch judging two pieces MET counts both.
     */
    private Map<Body, Map<Long, AssessmentMethod>> bodies(List<Met> mets, Map<Claim, Outcome> outcomes) {
        Set<Body> wanted = new HashSet<>();
        for (Met met : mets) {
            wanted.add(new Body(met.header().enrollmentId(), met.indicatorId()));
        }
        Map<Body, Map<Long, AssessmentMethod>> bodies = new HashMap<>();
        for (ClaimReads.BodyPiece piece : claims.bodies(wanted.stream().map(body -> new ClaimReads.Pair(body.enrollmentId(), body.indicatorId())).toList())) {
            Body body = new Body(piece.enrollmentId(), piece.indicatorId());
            Outcome latest = outcomes.getOrDefault(new Claim(piece.evidenceId(), piece.indicatorId()), piece.latest());
            if (latest != Outcome.NOT_YET) {
                bodies.computeIfAbsent(body, key -> new LinkedHashMap<>()).put(piece.evidenceId(), piece.method());
            }
        }
        return bodies;
    }
}
