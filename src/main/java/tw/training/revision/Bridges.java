package tw.training.revision;

import jakarta.inject.Singleton;
import tw.training.catalogue.CatalogueService;
import tw.training.catalogue.FamilyMember;
import tw.training.course.PlanEntry;
import tw.training.problem.ConflictException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the {@link Bridge} between two revisions of a course's plan. A document of the older plan that the newer one
 * no longer holds is followed version by version (v3 → v4 → v5) until a version the newer plan holds; every step needs
 * a confirmed crosswalk, and a missing one refuses the whole move by name: no credit by assumption. A document whose
 * later versions the newer plan does not hold was dropped by the trainer: its indicators go nowhere.
 */
@Singleton
class Bridges {

    private final CatalogueService catalogue;
    private final Crosswalks crosswalks;

    Bridges(CatalogueService catalogue, Crosswalks crosswalks) {
        this.catalogue = catalogue;
        this.crosswalks = crosswalks;
    }

    /** One item code's destinations in a later version, as the steps so far compose. */
    private record Step(String code, boolean equivalent, String note) {
    }

    Bridge between(List<PlanEntry> older, List<PlanEntry> newer) {
        Set<String> newerDocuments = newer.stream().map(e -> document(e.id())).collect(Collectors.toSet());
        Map<String, Long> newerIds = newer.stream().collect(Collectors.toMap(PlanEntry::id, PlanEntry::indicatorId));
        Set<Long> kept = newer.stream().map(PlanEntry::indicatorId).collect(Collectors.toSet());
        Map<String, List<PlanEntry>> moving = new TreeMap<>();
        older.stream().filter(e -> !kept.contains(e.indicatorId())).forEach(e -> moving.computeIfAbsent(document(e.id()), d -> new ArrayList<>()).add(e));
        Map<Long, List<Bridge.Target>> targets = new HashMap<>();
        List<String> via = new ArrayList<>();
        moving.forEach((document, entries) -> {
            List<String> chain = chain(document, newerDocuments);
            entries.forEach(e -> targets.put(e.indicatorId(), new ArrayList<>()));
            if (chain.size() < 2) {
                return;
            }
            Map<String, List<Step>> steps = new LinkedHashMap<>();
            entries.forEach(e -> steps.put(item(e.id()), List.of(new Step(item(e.id()), true, ""))));
            for (int i = 0; i + 1 < chain.size(); i++) {
                String from = chain.get(i);
                String to = chain.get(i + 1);
                // the first step without a confirmed crosswalk refuses the move, named
                Crosswalk crosswalk = crosswalks.confirmedBetween(from, to)
                        .orElseThrow(() -> new ConflictException("revision.move-missing-link", from, to, String.join(" → ", chain)));
                steps.replaceAll((code, reached) -> walk(reached, crosswalk));
            }
            String newest = chain.get(chain.size() - 1);
            for (PlanEntry e : entries) {
                for (Step step : steps.get(item(e.id()))) {
                    Long target = newerIds.get(newest + ":" + step.code());
                    if (target != null) {
                        targets.get(e.indicatorId()).add(new Bridge.Target(target, step.equivalent(), step.note().isEmpty() ? null : step.note()));
                    }
                }
            }
            via.add(String.join(" → ", chain));
        });
        return new Bridge(targets, via);
    }

    /** The versions from {@code document} up to the first the newer plan holds; the document alone when none does. */
    private List<String> chain(String document, Set<String> newerDocuments) {
        List<String> chain = new ArrayList<>(List.of(document));
        String code = document;
        while (!newerDocuments.contains(code)) {
            String current = code;
            String next = catalogue.versions(code).stream().filter(v -> v.code().equals(current)).findFirst().map(FamilyMember::supersededBy).orElse(null);
            if (next == null) {
                return List.of(document);
            }
            chain.add(next);
            code = next;
        }
        return chain;
    }

    /** One crosswalk's step from what was reached so far: EQUIVALENT only through EQUIVALENT lines, notes kept in order. */
    private static List<Step> walk(List<Step> reached, Crosswalk crosswalk) {
        Map<String, Step> next = new LinkedHashMap<>();
        for (Step from : reached) {
            for (Crosswalk.Line line : crosswalk.lines()) {
                if (line.kind() != ItemKind.INDICATOR || !from.code().equals(line.from()) || line.to() == null) {
                    continue;
                }
                boolean equivalent = from.equivalent() && line.relation() == Relation.EQUIVALENT;
                String note = join(from.note(), line.note());
                next.merge(line.to(), new Step(line.to(), equivalent, note), (a, b) -> a.equivalent() ? a : b);
            }
        }
        return List.copyOf(next.values());
    }

    private static String join(String earlier, String later) {
        if (later == null || later.isBlank()) {
            return earlier;
        }
        return earlier.isEmpty() ? later.strip() : earlier + " / " + later.strip();
    }

    private static String document(String indicatorId) {
        return indicatorId.substring(0, indicatorId.indexOf(':'));
    }

    private static String item(String indicatorId) {
        return indicatorId.substring(indicatorId.indexOf(':') + 1);
    }
}
