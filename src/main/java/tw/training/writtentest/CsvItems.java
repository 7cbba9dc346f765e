package tw.training.writtentest;

import tw.training.phrase.Phrase;

import tw.training.problem.InputError;
import tw.training.web.CsvRows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Items from CSV (read by {@link CsvRows}: quoted fields may hold commas, quotes doubled, line breaks), one item a row under a header
 * naming the columns {@code kind, stem, options, answer, indicators} in any order:
 * <ul>
 *   <li>{@code kind}: SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE or SHORT_ANSWER;</li>
 *   <li>{@code options}: a choice item's options separated by {@code |};</li>
 *   <li>{@code answer}: the correct option's number (1 first) for a single choice, the numbers separated by {@code |} for a
 *       multiple choice, {@code true} or {@code false}, or a short answer's model answer (may be empty);</li>
 *   <li>{@code indicators}: plan indicators separated by {@code |}, e.g. {@code KPS5294-001v4:P2.3.1}.</li>
 * </ul>
 */
final class CsvItems {

    static final List<String> COLUMNS = List.of("kind", "stem", "options", "answer", "indicators");

    private CsvItems() {
    }

    /** The rows as items; a row that cannot be read is a fault of its line, and the caller imports nothing. */
    static List<ParsedItem> read(String text, List<InputError> errors) {
        List<CsvRows.Row> records;
        try {
            records = CsvRows.of(text);
        } catch (CsvRows.Unreadable unreadable) {
            errors.add(InputError.line(unreadable.line(), unreadable.phrase()));
            return List.of();
        }
        if (records.isEmpty()) {
            if (errors.isEmpty()) {
                errors.add(InputError.line(1, "writtentest.file-empty-header", String.join(",", COLUMNS)));
            }
            return List.of();
        }
        List<String> header = records.get(0).fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
        int[] at = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            at[c] = header.indexOf(COLUMNS.get(c));
            if (at[c] < 0) {
                errors.add(new InputError(COLUMNS.get(c), 1, Phrase.of("writtentest.header-lacks-column", COLUMNS.get(c), String.join(",", COLUMNS))));
            }
        }
        if (!errors.isEmpty()) {
            return List.of();
        }
        List<ParsedItem> items = new ArrayList<>();
        for (CsvRows.Row record : records.subList(1, records.size())) {
            if (record.fields().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (record.fields().size() != header.size()) {
                errors.add(InputError.line(record.line(), "writtentest.row-has-fields-header-has", record.fields().size(), header.size()));
                continue;
            }
            Map<String, String> row = new java.util.HashMap<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
                row.put(COLUMNS.get(c), record.fields().get(at[c]).strip());
            }
            items.add(new ParsedItem(record.line(), item(row, record.line(), errors)));
        }
        return items;
    }

    private static ItemViews.NewItem item(Map<String, String> row, int line, List<InputError> errors) {
        String kind = row.get("kind").toUpperCase(Locale.ROOT);
        String answer = row.get("answer");
        List<String> options = split(row.get("options"));
        List<ItemViews.NewOption> choices = new ArrayList<>();
        Boolean trueOrFalse = null;
        String model = null;
        if (kind.equals("SINGLE_CHOICE") || kind.equals("MULTIPLE_CHOICE")) {
            List<Integer> correct = new ArrayList<>();
            for (String number : split(answer)) {
                try {
                    correct.add(Integer.parseInt(number));
                } catch (NumberFormatException e) {
                    errors.add(new InputError("answer", line, Phrase.of("writtentest.not-option-s-number-first", number)));
                }
            }
            correct.stream().filter(n -> n < 1 || n > options.size()).forEach(n ->
                    errors.add(new InputError("answer", line, Phrase.of("writtentest.there-no-option-row-has", n, options.size()))));
            for (int i = 0; i < options.size(); i++) {
                choices.add(new ItemViews.NewOption(options.get(i), correct.contains(i + 1)));
            }
        } else if (kind.equals("TRUE_FALSE")) {
            trueOrFalse = switch (answer.toLowerCase(Locale.ROOT)) {
                case "true", "t" -> true;
                case "false", "f" -> false;
                default -> {
                    errors.add(new InputError("answer", line, Phrase.of("writtentest.true-false-item-s-answer")));
                    yield null;
                }
            };
        } else {
            model = answer;
        }
        return new ItemViews.NewItem(kind, row.get("stem"), choices.isEmpty() ? null : choices, trueOrFalse, model, split(row.get("indicators")));
    }

    private static List<String> split(String value) {
        return value.isBlank() ? List.of() : Arrays.stream(value.split("\\|")).map(String::strip).toList();
    }
}
