package tw.training.revision;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.phrase.Phrase;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a reviewed crosswalk: every old task and indicator is said (EQUIVALENT or PARTIAL to items of the newer
 * version, or NONE); an item EQUIVALENT or NONE has that one line; a new item is the EQUIVALENT of one old item at most;
 * the NEW lines are what nothing points at. Lines come back in order: old items as the older version lists them (tasks,
 * then indicators), each one's new items as the newer lists them, then the NEW ones.
 */
@Singleton
class CrosswalkLines {

    static final int MAX_NOTE = 1000;

    /** The reviewer's lines checked, each with its texts' similarity, the NEW lines added; refused whole, every fault named. */
    List<Crosswalk.Line> check(CompetencyDocument older, CompetencyDocument newer, @Nullable List<Crosswalks.LineInput> input) {
        if (input == null || input.isEmpty()) {
            throw InvalidInputException.of("lines", "revision.lines-required");
        }
        Map<ItemKind, Map<String, String>> oldTexts = texts(older);
        Map<ItemKind, Map<String, String>> newTexts = texts(newer);
        List<InputError> errors = new ArrayList<>();
        List<Crosswalk.Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, List<Relation>> saidOf = new HashMap<>();
        Map<String, String> equivalentOf = new HashMap<>();
        for (int i = 0; i < input.size(); i++) {
            Crosswalks.LineInput in = input.get(i);
            String at = "lines[" + i + "].";
            int before = errors.size();
            ItemKind kind = parse(ItemKind.class, in.kind()).orElse(null);
            if (kind == null) {
                errors.add(InputError.field(at + "kind", "revision.kind-must-be", List.of(ItemKind.values())));
                continue;
            }
            Relation relation = parse(Relation.class, in.relation()).filter(r -> r != Relation.NEW).orElse(null);
            if (relation == null) {
                errors.add(InputError.field(at + "relation", "revision.relation-must-be"));
            }
            String from = trimmed(in.from());
            String to = trimmed(in.to());
            if (from == null || !oldTexts.get(kind).containsKey(from)) {
                errors.add(InputError.field(at + "from", "revision.not-an-old-item", from == null ? "" : from, older.code()));
            }
            if (relation == Relation.NONE && to != null) {
                errors.add(InputError.field(at + "to", "revision.none-has-no-new-item"));
            } else if (relation != null && relation != Relation.NONE && (to == null || !newTexts.get(kind).containsKey(to))) {
                errors.add(InputError.field(at + "to", "revision.not-a-new-item", to == null ? "" : to, newer.code()));
            }
            String note = trimmed(in.note());
            if (note != null && note.length() > MAX_NOTE) {
                errors.add(InputError.field(at + "note", "revision.note-at-most", MAX_NOTE));
            }
            if (errors.size() > before) {
                continue;
            }
            if (!seen.add(kind + ":" + from + ":" + to)) {
                errors.add(InputError.field(at + "to", "revision.line-twice", from, to == null ? "—" : to));
                continue;
            }
            if (relation == Relation.EQUIVALENT && equivalentOf.putIfAbsent(kind + ":" + to, from) != null) {
                errors.add(InputError.field(at + "to", "revision.equivalent-once", to, equivalentOf.get(kind + ":" + to)));
                continue;
            }
            saidOf.computeIfAbsent(kind + ":" + from, k -> new ArrayList<>()).add(relation);
            double similarity = to == null ? 0 : TextSimilarity.of(oldTexts.get(kind).get(from), newTexts.get(kind).get(to));
            lines.add(new Crosswalk.Line(kind, from, to, relation, similarity, note));
        }
        saidOf.forEach((item, relations) -> {
            if (relations.size() > 1 && (relations.contains(Relation.EQUIVALENT) || relations.contains(Relation.NONE))) {
                errors.add(InputError.field("lines", "revision.one-line-for", item.substring(item.indexOf(':') + 1)));
            }
        });
        for (ItemKind kind : ItemKind.values()) {
            List<String> unsaid = oldTexts.get(kind).keySet().stream().filter(code -> !saidOf.containsKey(kind + ":" + code)).toList();
            if (!unsaid.isEmpty() && errors.isEmpty()) {
                errors.add(InputError.field("lines", "revision.items-unsaid", String.join("、", unsaid)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("revision.crosswalk-lines-refused", errors.size()), errors);
        }
        Set<String> pointedAt = new HashSet<>();
        lines.forEach(l -> pointedAt.add(l.kind() + ":" + l.to()));
        for (ItemKind kind : ItemKind.values()) {
            newTexts.get(kind).keySet().stream().filter(code -> !pointedAt.contains(kind + ":" + code))
                    .forEach(code -> lines.add(new Crosswalk.Line(kind, null, code, Relation.NEW, 0, null)));
        }
        return ordered(lines, oldTexts, newTexts);
    }

    private static List<Crosswalk.Line> ordered(List<Crosswalk.Line> lines, Map<ItemKind, Map<String, String>> oldTexts,
                                                Map<ItemKind, Map<String, String>> newTexts) {
        Map<ItemKind, List<String>> oldOrder = new EnumMap<>(ItemKind.class);
        Map<ItemKind, List<String>> newOrder = new EnumMap<>(ItemKind.class);
        oldTexts.forEach((kind, texts) -> oldOrder.put(kind, List.copyOf(texts.keySet())));
        newTexts.forEach((kind, texts) -> newOrder.put(kind, List.copyOf(texts.keySet())));
        return lines.stream().sorted(Comparator.<Crosswalk.Line, Boolean>comparing(l -> l.from() == null)
                .thenComparing(Crosswalk.Line::kind)
                .thenComparingInt(l -> l.from() == null ? 0 : oldOrder.get(l.kind()).indexOf(l.from()))
                .thenComparingInt(l -> l.to() == null ? -1 : newOrder.get(l.kind()).indexOf(l.to()))).toList();
    }

    private static Map<ItemKind, Map<String, String>> texts(CompetencyDocument document) {
        Map<ItemKind, Map<String, String>> texts = new EnumMap<>(ItemKind.class);
        for (ItemKind kind : ItemKind.values()) {
            texts.put(kind, CrosswalkProposer.texts(document, kind));
        }
        return texts;
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, @Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Nullable
    private static String trimmed(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
