package tw.training.revision;

import io.micronaut.core.annotation.Nullable;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Indicator;
import tw.training.catalogue.document.Task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Proposes a crosswalk between two versions of a document, for a person to review: codes first, then the similarity of
 * texts ({@link TextSimilarity}). For tasks the text is the title with all its indicators' texts, so that a renamed
 * task whose indicators stayed is still recognised.
 * <ol>
 *     <li>An old item and a new one are EQUIVALENT candidates when they have the same code and a similarity of at
 *     least {@value #SAME_CODE}, or any codes and at least {@value #RENUMBERED}. Candidates are taken best first, each
 *     item at most once.</li>
 *     <li>An old item that also resembles (at least {@value #RESEMBLES}) a new item no other old item is equivalent to
 *     was split: it is PARTIAL to each of them, its EQUIVALENT included.</li>
 *     <li>An old item without an equivalent is PARTIAL to each new item it resembles that is nobody's equivalent, or
 *     else NONE.</li>
 *     <li>A new item nothing points at is NEW.</li>
 * </ol>
 */
final class CrosswalkProposer {

    static final double SAME_CODE = 0.5;
    static final double RENUMBERED = 0.75;
    static final double RESEMBLES = 0.3;

    private CrosswalkProposer() {
    }

    /** One line of a proposal: {@code from} is null for NEW, {@code to} for NONE; the similarity is of the two texts. */
    record Proposed(ItemKind kind, @Nullable String from, @Nullable String to, Relation relation, double similarity) {
    }

    /** A task or indicator of a version: its code and the text it is compared by. */
    private record Item(String code, String text) {
    }

    static List<Proposed> propose(CompetencyDocument older, CompetencyDocument newer) {
        List<Proposed> proposal = new ArrayList<>(match(ItemKind.TASK, tasks(older), tasks(newer)));
        proposal.addAll(match(ItemKind.INDICATOR, indicators(older), indicators(newer)));
        return proposal;
    }

    /** The texts a document's items of one kind are compared by, by code, in document order. */
    static Map<String, String> texts(CompetencyDocument document, ItemKind kind) {
        Map<String, String> texts = new LinkedHashMap<>();
        (kind == ItemKind.TASK ? tasks(document) : indicators(document)).forEach(item -> texts.put(item.code(), item.text()));
        return texts;
    }

    private static List<Item> tasks(CompetencyDocument document) {
        return document.tasks().stream().map(t -> new Item(t.code(), t.title() + " "
                + t.indicators().stream().map(Indicator::text).collect(Collectors.joining(" ")))).toList();
    }

    private static List<Item> indicators(CompetencyDocument document) {
        return document.tasks().stream().map(Task::indicators).flatMap(List::stream).map(i -> new Item(i.code(), i.text())).toList();
    }

    private record Pair(Item from, Item to, double similarity) {

        boolean sameCode() {
            return from.code().equals(to.code());
        }

        boolean equivalentCandidate() {
            return similarity >= (sameCode() ? SAME_CODE : RENUMBERED);
        }
    }

    private static List<Proposed> match(ItemKind kind, List<Item> older, List<Item> newer) {
        List<Pair> pairs = new ArrayList<>();
        for (Item from : older) {
            for (Item to : newer) {
                pairs.add(new Pair(from, to, TextSimilarity.of(from.text(), to.text())));
            }
        }
        // 1. equivalents, best first; a tie goes to the same code
        Map<Item, Pair> equivalentOf = new LinkedHashMap<>();
        Set<Item> taken = new HashSet<>();
        pairs.stream().filter(Pair::equivalentCandidate)
                .sorted(Comparator.comparingDouble(Pair::similarity).reversed().thenComparing(p -> !p.sameCode()))
                .forEach(p -> {
                    if (!equivalentOf.containsKey(p.from()) && !taken.contains(p.to())) {
                        equivalentOf.put(p.from(), p);
                        taken.add(p.to());
                    }
                });
        List<Proposed> proposal = new ArrayList<>();
        Set<Item> pointedAt = new HashSet<>();
        for (Item from : older) {
            Pair equivalent = equivalentOf.get(from);
            // 2. and 3. the new items it resembles that are nobody's equivalent
            List<Pair> resembled = pairs.stream().filter(p -> p.from() == from && !taken.contains(p.to()) && p.similarity() >= RESEMBLES).toList();
            if (equivalent != null && resembled.isEmpty()) {
                proposal.add(new Proposed(kind, from.code(), equivalent.to().code(), Relation.EQUIVALENT, equivalent.similarity()));
                pointedAt.add(equivalent.to());
                continue;
            }
            List<Pair> partial = new ArrayList<>(resembled);
            if (equivalent != null) {
                partial.add(0, equivalent);
            }
            if (partial.isEmpty()) {
                proposal.add(new Proposed(kind, from.code(), null, Relation.NONE, 0));
            }
            for (Pair p : partial.stream().sorted(Comparator.comparingInt(p -> newer.indexOf(p.to()))).toList()) {
                proposal.add(new Proposed(kind, from.code(), p.to().code(), Relation.PARTIAL, p.similarity()));
                pointedAt.add(p.to());
            }
        }
        // 4. what only the newer version has
        newer.stream().filter(to -> !pointedAt.contains(to)).forEach(to -> proposal.add(new Proposed(kind, null, to.code(), Relation.NEW, 0)));
        return proposal;
    }
}
