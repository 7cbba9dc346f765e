package tw.training.writtentest;

import io.micronaut.core.annotation.Nullable;
import tw.training.evidence.Outcome;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How answers are scored. A choice item is correct when exactly its correct options are chosen: a multiple choice with
 * some of them, or with one too many, is wrong (no partial credit). A short answer is not scored by the machine. An
 * indicator is MET when the share of its items answered correctly reaches the test's pass mark.
 */
final class Scoring {

    private Scoring() {
    }

    /** Whether the answer is correct; null for a short answer (an assessor judges it). Unanswered is wrong. */
    static @Nullable Boolean correct(ItemKind kind, Set<Integer> key, @Nullable String answer) {
        if (!kind.scoredByMachine()) {
            return null;
        }
        return answer != null && !answer.isEmpty() && choices(answer).equals(key);
    }

    /** Chosen options as stored: their numbers, ascending, comma-separated. */
    static String stored(Collection<Integer> choices) {
        return new TreeSet<>(choices).stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static Set<Integer> choices(@Nullable String stored) {
        return stored == null || stored.isEmpty() ? Set.of()
                : Arrays.stream(stored.split(",")).map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    static List<Integer> order(@Nullable String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.stream(stored.split(",")).map(Integer::valueOf).toList();
    }

    /** MET when correct ÷ items reaches passMark percent (compared in integers: 2 of 3 is not 67 %). */
    static Outcome outcome(int items, int correct, int passMark) {
        return correct * 100 >= passMark * items ? Outcome.MET : Outcome.NOT_YET;
    }
}
