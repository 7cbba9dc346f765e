package tw.training.revision;

import tw.training.course.AssessmentMethod;
import tw.training.course.PlanEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What moving one learner through a {@link Bridge} does, worked out from what the ledger holds for them; nothing is
 * written here. The rules (issue 35):
 * <ul>
 *   <li>EQUIVALENT, and the older indicator met: each of its satisfying judgements whose method the newer plan asks
 *       for the newer indicator is carried, a new judgement on the same evidence naming it;</li>
 *   <li>every other line, PARTIAL or EQUIVALENT to an indicator not met: the evidence of the older indicator is attached
 *       to the newer one (the methods it asks for), open for an assessor;</li>
 *   <li>NONE, or a newer indicator the plan does not hold: nothing carries.</li>
 * </ul>
 * Only a met indicator carries judgements, so the newer plan never has more indicators met through carried judgements
 * than the older had met.
 */
final class MovePlanner {

    /** A judgement that satisfies one required method of an older indicator for the learner (a row of the ledger). */
    record Satisfied(long indicatorId, AssessmentMethod method, long evidenceId, long judgementId) {
    }

    /**
     * A claim of a submitted piece of the learner's evidence; {@code standing} false for one a reverted move added (kept
     * because that move's judgement rests on it), which counts for nothing until a move attaches it again.
     */
    record Claimed(long evidenceId, AssessmentMethod method, long indicatorId, boolean standing) {
    }

    /** A judgement to write: the system's MET on {@code evidenceId} for the newer indicator, carrying {@code carriedFrom}. */
    record Carry(long evidenceId, long indicatorId, long carriedFrom) {
    }

    /** A claim: the evidence and the (newer) indicator. */
    record Attach(long evidenceId, long indicatorId) {
    }

    /** A claim to add (or take over): the evidence attached to the newer indicator, from the older one. */
    record Attachment(long evidenceId, long indicatorId, long fromIndicatorId) {
    }

    /** What the move shows (the learner's and the trainer's view) and what it writes: claims added, and reverted ones taken over. */
    record Moving(LearnerMove.Items items, List<Carry> carries, List<Attachment> attachments, List<Attachment> reattachments) {
    }

    private final Bridge bridge;
    private final Map<Long, PlanEntry> older;
    private final Map<Long, PlanEntry> newer;

    MovePlanner(Bridge bridge, List<PlanEntry> older, List<PlanEntry> newer) {
        this.bridge = bridge;
        this.older = older.stream().collect(Collectors.toMap(PlanEntry::indicatorId, e -> e));
        this.newer = newer.stream().collect(Collectors.toMap(PlanEntry::indicatorId, e -> e));
    }

    Moving plan(List<Satisfied> satisfied, List<Claimed> claims) {
        Map<Long, List<Satisfied>> satisfying = satisfied.stream().collect(Collectors.groupingBy(Satisfied::indicatorId));
        Map<Long, List<Claimed>> claiming = claims.stream().filter(Claimed::standing).collect(Collectors.groupingBy(Claimed::indicatorId));
        Set<Attach> claimed = claims.stream().filter(Claimed::standing).map(c -> new Attach(c.evidenceId(), c.indicatorId())).collect(Collectors.toSet());
        Set<Attach> reverted = claims.stream().filter(c -> !c.standing()).map(c -> new Attach(c.evidenceId(), c.indicatorId())).collect(Collectors.toSet());
        Map<Attach, Carry> carries = new LinkedHashMap<>();
        Map<Attach, Long> attachments = new LinkedHashMap<>();
        Map<Long, Set<AssessmentMethod>> carriedMethods = new HashMap<>();
        List<Pair> pairs = new ArrayList<>();
        List<LearnerMove.Lost> lost = new ArrayList<>();
        Set<Long> reached = new HashSet<>();
        for (PlanEntry from : older.values().stream().sorted(Comparator.comparing(PlanEntry::indicatorId)).toList()) {
            if (newer.containsKey(from.indicatorId())) {
                continue;
            }
            boolean met = met(from, satisfying.getOrDefault(from.indicatorId(), List.of()));
            List<Claimed> pieces = claiming.getOrDefault(from.indicatorId(), List.of());
            List<Bridge.Target> targets = bridge.of(from.indicatorId()).stream().filter(t -> newer.containsKey(t.indicatorId())).toList();
            if (targets.isEmpty()) {
                if (met || !pieces.isEmpty()) {
                    lost.add(new LearnerMove.Lost(from.id(), met, (int) pieces.stream().map(Claimed::evidenceId).distinct().count()));
                }
                continue;
            }
            for (Bridge.Target target : targets) {
                PlanEntry to = newer.get(target.indicatorId());
                reached.add(to.indicatorId());
                List<LearnerMove.Source> sources = new ArrayList<>();
                if (target.equivalent() && met) {
                    for (Satisfied s : satisfying.get(from.indicatorId())) {
                        if (to.methods().contains(s.method())) {
                            Attach key = new Attach(s.evidenceId(), to.indicatorId());
                            carries.putIfAbsent(key, new Carry(s.evidenceId(), to.indicatorId(), s.judgementId()));
                            carriedMethods.computeIfAbsent(to.indicatorId(), k -> EnumSet.noneOf(AssessmentMethod.class)).add(s.method());
                            sources.add(new LearnerMove.Source(s.judgementId(), s.evidenceId(), s.method()));
                        }
                    }
                }
                Set<Long> evidence = new TreeSet<>();
                for (Claimed piece : pieces) {
                    if (to.methods().contains(piece.method())) {
                        evidence.add(piece.evidenceId());
                        Attach attach = new Attach(piece.evidenceId(), to.indicatorId());
                        if (!claimed.contains(attach)) {
                            attachments.putIfAbsent(attach, from.indicatorId());
                        }
                    }
                }
                pairs.add(new Pair(from, to, target, sources, List.copyOf(evidence)));
            }
        }
        List<LearnerMove.Carried> carried = new ArrayList<>();
        List<LearnerMove.Reopened> reopened = new ArrayList<>();
        for (Pair pair : pairs) {
            boolean metNewer = !pair.to.methods().isEmpty()
                    && carriedMethods.getOrDefault(pair.to.indicatorId(), Set.of()).containsAll(pair.to.methods());
            if (!pair.sources.isEmpty() && metNewer) {
                carried.add(new LearnerMove.Carried(pair.from.id(), pair.to.id(), pair.sources));
            } else if (!pair.sources.isEmpty() || !pair.evidence.isEmpty()) {
                reopened.add(new LearnerMove.Reopened(pair.from.id(), pair.to.id(), pair.target.equivalent() ? Relation.EQUIVALENT : Relation.PARTIAL,
                        pair.target.note(), pair.evidence, pair.sources));
            }
        }
        List<String> added = newer.values().stream().filter(e -> !older.containsKey(e.indicatorId()) && !reached.contains(e.indicatorId()))
                .sorted(Comparator.comparing(PlanEntry::indicatorId)).map(PlanEntry::id).toList();
        int kept = (int) older.keySet().stream().filter(newer::containsKey).count();
        return new Moving(new LearnerMove.Items(carried, reopened, lost, added, kept), List.copyOf(carries.values()),
                attachments(attachments, a -> !reverted.contains(a)), attachments(attachments, reverted::contains));
    }

    private static List<Attachment> attachments(Map<Attach, Long> attachments, Predicate<Attach> which) {
        return attachments.entrySet().stream().filter(e -> which.test(e.getKey()))
                .map(e -> new Attachment(e.getKey().evidenceId(), e.getKey().indicatorId(), e.getValue())).toList();
    }

    private record Pair(PlanEntry from, PlanEntry to, Bridge.Target target, List<LearnerMove.Source> sources, List<Long> evidence) {
    }

    /** Met in the older plan: each method it requires satisfied (the ledger's rule, SPEC §5). */
    private static boolean met(PlanEntry indicator, List<Satisfied> satisfied) {
        return !indicator.methods().isEmpty() && satisfied.stream().map(Satisfied::method).collect(Collectors.toSet()).containsAll(indicator.methods());
    }
}
