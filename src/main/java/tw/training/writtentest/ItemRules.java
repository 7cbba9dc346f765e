package tw.training.writtentest;

import tw.training.phrase.Phrase;

import io.micronaut.core.annotation.Nullable;
import tw.training.problem.InputError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes an item: a known kind, a stem, options fitting the kind (2 to 10; one correct for a single choice, at least one
 * for a multiple choice), an answer for a true/false item, and at least one indicator of the course's plan. The same rules
 * for JSON and for each item of an imported file; a fault names the field, and the line for a file.
 */
final class ItemRules {

    static final int MAX_STEM = 10_000;
    static final int MAX_OPTION = 2_000;
    static final int MAX_OPTIONS = 10;
    /** A true/false item's two options: 1 is true, 2 false. */
    static final List<String> TRUE_FALSE = List.of("true", "false");

    private ItemRules() {
    }

    /** An item that passed the rules. */
    record Checked(ItemKind kind, String stem, List<String> options, Set<Integer> correct, @Nullable String modelAnswer,
                   List<Long> indicatorIds) {

        List<ItemOption> rows(long itemId) {
            List<ItemOption> rows = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                rows.add(new ItemOption(itemId, i + 1, options.get(i), correct.contains(i + 1)));
            }
            return rows;
        }
    }

    /**
     * @param plan the course's plan indicators by id ("KPS5294-001v4:P2.3.1")
     * @param line the line of a file the item came from, or null for JSON
     * @return the item, or null when it broke a rule (each fault added to {@code errors})
     */
    static @Nullable Checked check(ItemViews.NewItem item, Map<String, Long> plan, @Nullable Integer line, List<InputError> errors) {
        int before = errors.size();
        ItemKind kind = null;
        try {
            kind = ItemKind.valueOf(item.kind() == null ? "" : item.kind().strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.add(new InputError("kind", line, Phrase.of("writtentest.kind-must-one", List.of(ItemKind.values()))));
        }
        String stem = item.stem() == null ? "" : item.stem().strip();
        if (stem.isEmpty() || stem.length() > MAX_STEM) {
            errors.add(new InputError("stem", line, Phrase.of("writtentest.stem-must-have-characters", MAX_STEM)));
        }
        List<String> options = new ArrayList<>();
        Set<Integer> correct = new LinkedHashSet<>();
        if (kind == ItemKind.SINGLE_CHOICE || kind == ItemKind.MULTIPLE_CHOICE) {
            options(item.options(), kind, options, correct, line, errors);
        } else if (kind != null && item.options() != null && !item.options().isEmpty()) {
            errors.add(new InputError("options", line, Phrase.of("writtentest.item-has-no-options", kind)));
        }
        if (kind == ItemKind.TRUE_FALSE) {
            if (item.answer() == null) {
                errors.add(new InputError("answer", line, Phrase.of("writtentest.true-false-item-needs-answer")));
            } else {
                options.addAll(TRUE_FALSE);
                correct.add(item.answer() ? 1 : 2);
            }
        }
        String modelAnswer = kind == ItemKind.SHORT_ANSWER && item.modelAnswer() != null && !item.modelAnswer().isBlank()
                ? item.modelAnswer().strip() : null;
        if (modelAnswer != null && modelAnswer.length() > MAX_STEM) {
            errors.add(new InputError("modelAnswer", line, Phrase.of("writtentest.model-answer-must-have-most", MAX_STEM)));
        }
        List<Long> indicators = indicators(item.indicators(), plan, line, errors);
        return errors.size() > before ? null : new Checked(kind, stem, List.copyOf(options), Set.copyOf(correct), modelAnswer, indicators);
    }

    private static void options(@Nullable List<ItemViews.NewOption> given, ItemKind kind, List<String> options, Set<Integer> correct,
                                @Nullable Integer line, List<InputError> errors) {
        List<ItemViews.NewOption> list = given == null ? List.of() : given;
        if (list.size() < 2 || list.size() > MAX_OPTIONS) {
            errors.add(new InputError("options", line, Phrase.of("writtentest.choice-item-has-options", MAX_OPTIONS)));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            ItemViews.NewOption option = list.get(i);
            String text = option == null || option.text() == null ? "" : option.text().strip();
            if (text.isEmpty() || text.length() > MAX_OPTION) {
                errors.add(new InputError("options[" + i + "].text", line, Phrase.of("writtentest.option-must-have-characters", MAX_OPTION)));
            }
            options.add(text);
            if (option != null && Boolean.TRUE.equals(option.correct())) {
                correct.add(i + 1);
            }
        }
        if (kind == ItemKind.SINGLE_CHOICE && correct.size() != 1) {
            errors.add(new InputError("options", line, Phrase.of("writtentest.single-choice-has-exactly-one", correct.size())));
        }
        if (kind == ItemKind.MULTIPLE_CHOICE && correct.isEmpty()) {
            errors.add(new InputError("options", line, Phrase.of("writtentest.multiple-choice-has-least-one")));
        }
    }

    private static List<Long> indicators(@Nullable List<String> given, Map<String, Long> plan, @Nullable Integer line, List<InputError> errors) {
        List<String> list = given == null ? List.of() : given;
        if (list.isEmpty()) {
            errors.add(new InputError("indicators", line, Phrase.of("writtentest.tag-item-with-least-one")));
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String id = list.get(i) == null ? "" : list.get(i).strip();
            Long indicator = plan.get(id);
            if (indicator == null) {
                errors.add(new InputError("indicators[" + i + "]", line, Phrase.of("writtentest.not-indicator-course-s-plan-2", id)));
            } else {
                ids.add(indicator);
            }
        }
        return List.copyOf(ids);
    }
}
