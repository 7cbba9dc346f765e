package tw.training.writtentest;

import tw.training.problem.InputError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Items from Moodle's GIFT format, the four kinds this bank keeps:
 * <pre>
 * // [tag:KPS5294-001v4:P2.3.1]
 * ::Q1:: 顧客抱怨時，第一步是？ {=傾聽 ~辯解 ~轉移話題}          single choice
 * ::Q2:: 哪些屬於同理回應？ {~%50%複述感受 ~%50%道歉 ~%-100%反駁}  multiple choice (positive weights are correct)
 * ::Q3:: 客訴應當場記錄。 {T}                                      true/false ({TRUE}, {F}, {FALSE})
 * ::Q4:: 說明安撫情緒的做法。 {=先傾聽再回應}                       short answer (the first answer is the model)
 * </pre>
 * Questions are separated by blank lines; {@code //} lines are comments, and {@code [tag:…]} in the comments before a
 * question (Moodle's syntax for tags) names the plan indicators it tests; {@code $CATEGORY:} lines, question names,
 * {@code [markdown]}-style formats and {@code #feedback} are read and dropped. Numerical, matching and essay questions
 * are refused, naming their line.
 */
final class GiftItems {

    private static final Pattern TAG = Pattern.compile("\\[tag:([^\\]]+)]");
    private static final Pattern NAME = Pattern.compile("^::(.*?)::");
    private static final Pattern FORMAT = Pattern.compile("^\\[(html|moodle|plain|markdown)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEIGHT = Pattern.compile("^%(-?\\d+(?:\\.\\d+)?)%");

    private GiftItems() {
    }

    static List<ParsedItem> read(String text, List<InputError> errors) {
        List<ParsedItem> items = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        StringBuilder question = new StringBuilder();
        int start = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            String trimmed = line.strip();
            if (trimmed.isEmpty() && question.length() > 0 && closed(question)) {
                items.add(new ParsedItem(start, question(question.toString(), tags, start, errors)));
                question.setLength(0);
                tags = new ArrayList<>();
            } else if (trimmed.startsWith("//")) {
                Matcher tag = TAG.matcher(trimmed);
                while (tag.find()) {
                    tags.add(tag.group(1).strip());
                }
            } else if (trimmed.startsWith("$CATEGORY:") && question.length() == 0) {
                continue;
            } else if (!trimmed.isEmpty()) {
                if (question.length() == 0) {
                    start = i + 1;
                } else {
                    question.append('\n');
                }
                question.append(trimmed);
            }
        }
        if (question.length() > 0) {
            errors.add(InputError.line(start, "writtentest.question-has-no-closing-answers"));
        }
        return items;
    }

    /** Whether the question's answer braces have closed (a blank line inside them does not end it). */
    private static boolean closed(CharSequence question) {
        int depth = 0;
        boolean seen = false;
        for (int i = 0; i < question.length(); i++) {
            char c = question.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
                seen = true;
            } else if (c == '}') {
                depth--;
            }
        }
        return seen && depth == 0;
    }

    private static ItemViews.NewItem question(String source, List<String> tags, int line, List<InputError> errors) {
        String text = source;
        Matcher name = NAME.matcher(text);
        if (name.find()) {
            text = text.substring(name.end()).strip();
        }
        Matcher format = FORMAT.matcher(text);
        if (format.find()) {
            text = text.substring(format.end()).strip();
        }
        int open = unescapedIndex(text, '{', 0);
        int close = unescapedIndex(text, '}', open + 1);
        if (open < 0 || close < 0) {
            errors.add(InputError.line(line, "writtentest.question-has-no-answers-braces"));
            return new ItemViews.NewItem(null, null, null, null, null, tags);
        }
        String before = unescape(text.substring(0, open)).strip();
        String after = unescape(text.substring(close + 1)).strip();
        String stem = after.isEmpty() ? before : before + " ＿＿＿ " + after;
        String answers = text.substring(open + 1, close).strip();
        String flag = withoutFeedback(answers).strip().toUpperCase(Locale.ROOT);
        if (flag.equals("T") || flag.equals("TRUE") || flag.equals("F") || flag.equals("FALSE")) {
            return new ItemViews.NewItem("TRUE_FALSE", stem, null, flag.startsWith("T"), null, tags);
        }
        if (answers.isEmpty() || answers.startsWith("#") || answers.contains("->")) {
            errors.add(InputError.line(line, "writtentest.only-single-multiple-choice-true"));
            return new ItemViews.NewItem(null, stem, null, null, null, tags);
        }
        List<String> entries = entries(answers);
        boolean anyWrong = entries.stream().anyMatch(e -> e.startsWith("~"));
        if (!anyWrong) {
            String model = String.join(" / ", entries.stream().map(e -> clean(e.substring(1))).toList());
            return new ItemViews.NewItem("SHORT_ANSWER", stem, null, null, model, tags);
        }
        boolean weighted = entries.stream().anyMatch(e -> WEIGHT.matcher(e.substring(1).strip()).find());
        List<ItemViews.NewOption> options = new ArrayList<>();
        for (String entry : entries) {
            String body = entry.substring(1).strip();
            Matcher weight = WEIGHT.matcher(body);
            boolean correct = entry.startsWith("=");
            if (weight.find()) {
                correct = Double.parseDouble(weight.group(1)) > 0;
                body = body.substring(weight.end());
            }
            options.add(new ItemViews.NewOption(clean(body), correct));
        }
        long right = options.stream().filter(o -> Boolean.TRUE.equals(o.correct())).count();
        return new ItemViews.NewItem(weighted || right > 1 ? "MULTIPLE_CHOICE" : "SINGLE_CHOICE", stem, options, null, null, tags);
    }

    /** The answers, each starting with its unescaped '=' or '~'. */
    private static List<String> entries(String answers) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = null;
        for (int i = 0; i < answers.length(); i++) {
            char c = answers.charAt(i);
            if (c == '\\' && i + 1 < answers.length()) {
                if (current != null) {
                    current.append(c).append(answers.charAt(i + 1));
                }
                i++;
            } else if (c == '=' || c == '~') {
                if (current != null) {
                    entries.add(current.toString());
                }
                current = new StringBuilder().append(c);
            } else if (current != null) {
                current.append(c);
            }
        }
        if (current != null) {
            entries.add(current.toString());
        }
        return entries;
    }

    /** An answer's text without its feedback, unescaped. */
    private static String clean(String answer) {
        return unescape(withoutFeedback(answer)).strip();
    }

    private static String withoutFeedback(String answer) {
        int hash = unescapedIndex(answer, '#', 0);
        return hash < 0 ? answer : answer.substring(0, hash);
    }

    private static int unescapedIndex(String text, char wanted, int from) {
        for (int i = Math.max(from, 0); i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String text) {
        return text.replaceAll("\\\\([~=#{}:\\\\])", "$1").replace("\\n", "\n");
    }
}
