package tw.training.writtentest;

import io.micronaut.core.annotation.Nullable;
import tw.training.evidence.Outcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything an attempt shows or scores, read in five queries: the attempt, its test, its draw, the drawn items with
 * their options (the key among them) and what the test tests.
 */
record AttemptContent(Attempt attempt, WrittenTest test, List<AttemptItem> drawn, Map<Long, Item> items, Map<Long, List<ItemOption>> options,
                      List<TestRepository.Tested> tested) {

    /** The same content of the attempt as it stands after a change of its row (closing it). */
    AttemptContent with(Attempt changed) {
        return new AttemptContent(changed, test, drawn, items, options, tested);
    }

    Set<Integer> key(long itemId) {
        return options.getOrDefault(itemId, List.of()).stream().filter(ItemOption::correct).map(ItemOption::position).collect(Collectors.toSet());
    }

    /** Whether a drawn item was answered correctly; null for a short answer. */
    @Nullable Boolean correct(AttemptItem drawn) {
        return Scoring.correct(items.get(drawn.itemId()).kind(), key(drawn.itemId()), drawn.answer());
    }

    /** An indicator's score: its items, how many correct, whether a short answer among them leaves it to an assessor. */
    record Tally(TestRepository.Tested tested, int items, int correct, boolean shortAnswer) {

        /** The machine's outcome; null when an assessor decides. */
        @Nullable Outcome outcome() {
            return shortAnswer ? null : Scoring.outcome(items, correct, tested.passMark());
        }
    }

    /** Per tested indicator, in the test's order. */
    List<Tally> tallies() {
        Map<Long, int[]> counts = new LinkedHashMap<>();
        for (AttemptItem drawn : drawn) {
            int[] count = counts.computeIfAbsent(drawn.indicatorId(), id -> new int[3]);
            Boolean correct = correct(drawn);
            count[0]++;
            count[1] += Boolean.TRUE.equals(correct) ? 1 : 0;
            count[2] += correct == null ? 1 : 0;
        }
        List<Tally> tallies = new ArrayList<>();
        for (TestRepository.Tested t : tested) {
            int[] count = counts.getOrDefault(t.indicatorId(), new int[3]);
            tallies.add(new Tally(t, count[0], count[1], count[2] > 0));
        }
        return tallies;
    }
}
