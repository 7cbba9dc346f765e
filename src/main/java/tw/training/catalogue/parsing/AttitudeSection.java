package tw.training.catalogue.parsing;

import tw.training.catalogue.document.Attitude;
import tw.training.catalogue.parsing.CodedCell.Code;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 職能內涵 (A=attitude 態度): one paragraph per attitude (A01 親和力：…), and in some standards a task-by-attitude
 * matrix below it whose header row names the tasks and whose ticked cells say which attitudes a task needs.
 */
final class AttitudeSection {

    private static final Pattern DEFINITION = Pattern.compile("^(A\\d+)\\s*(.*)$");
    private static final Pattern TICK = Pattern.compile("[√✓✔✔︎VvＶｖOo○●◎■☑xXＸ＊*]");

    private final Findings findings;
    private final List<DraftItem> definitions = new ArrayList<>();
    private final Map<String, List<String>> attitudesOfTask = new LinkedHashMap<>();
    private final List<String> matrixTasks = new ArrayList<>();
    /** A wide matrix is split over pages, each part with its own header; these are all parts' tasks. */
    private final Set<String> allMatrixTasks = new LinkedHashSet<>();
    private boolean hasMatrix;

    AttitudeSection(Findings findings) {
        this.findings = findings;
    }

    static boolean isHeading(SourceLine line) {
        String label = SourceLine.label(line.firstCell());
        return label.startsWith("職能內涵(A") || label.contains("A=attitude");
    }

    /** The matrix header: an empty corner cell, then nothing but task codes. */
    static boolean isMatrixHeader(SourceLine line) {
        List<String> cells = line.cells();
        if (cells.size() < 2 || !cells.get(0).isEmpty()) {
            return false;
        }
        List<String> named = cells.subList(1, cells.size()).stream().filter(cell -> !cell.isEmpty()).toList();
        return !named.isEmpty() && named.stream().allMatch(cell -> cell.matches("T\\d+\\.\\d+"));
    }

    void definition(SourceLine line) {
        String text = line.text().strip();
        Matcher m = DEFINITION.matcher(text);
        if (m.matches()) {
            definitions.add(new DraftItem(m.group(1), m.group(2), line.number()));
        } else if (definitions.isEmpty()) {
            findings.warn(line.number(), "catalogue.text-before-first-attitude-ignored", TaskTable.excerpt(text));
        } else {
            // a paragraph cut by a page break continues the attitude above it
            definitions.get(definitions.size() - 1).continueWith(text);
        }
    }

    void matrixHeader(SourceLine line) {
        hasMatrix = true;
        matrixTasks.clear();
        matrixTasks.addAll(line.cells().subList(1, line.cells().size()));
        matrixTasks.stream().filter(code -> !code.isEmpty()).forEach(allMatrixTasks::add);
    }

    /** A matrix row: A01 主動積極 | √ | | √ …; returns false when the line is not one, ending the matrix. */
    boolean matrixRow(SourceLine line) {
        CodedCell.Split head = CodedCell.split(line.cell(0), Code.ATTITUDE);
        if (head.items().size() != 1 || !head.lead().isEmpty()) {
            return false;
        }
        String code = head.items().get(0).code();
        for (int i = 1; i < line.cells().size(); i++) {
            String mark = line.cells().get(i);
            if (mark.isEmpty()) {
                continue;
            }
            String taskCode = i - 1 < matrixTasks.size() ? matrixTasks.get(i - 1) : "";
            if (taskCode.isEmpty()) {
                findings.error(line.number(), "catalogue.mark-under-no-task", code);
            } else if (!TICK.matcher(mark).matches()) {
                findings.error(line.number(), "catalogue.not-tick-mark", mark, code, taskCode);
            } else {
                attitudesOfTask.computeIfAbsent(taskCode, key -> new ArrayList<>()).add(code);
            }
        }
        String name = head.items().get(0).text();
        definitions.stream().filter(definition -> definition.code.equals(code)).findFirst()
                .map(definition -> nameOf(definition.raw))
                .filter(defined -> !name.isEmpty() && !SourceLine.label(defined).equals(SourceLine.label(name)))
                .ifPresent(defined -> findings.warn(line.number(), "catalogue.matrix-calls-definition", code, name, defined));
        return true;
    }

    List<Attitude> attitudes() {
        List<Attitude> attitudes = new ArrayList<>();
        for (DraftItem definition : definitions) {
            String text = Markup.clean(definition.raw).text();
            int colon = colon(text);
            attitudes.add(colon < 0
                    ? new Attitude(definition.code, text, null)
                    : new Attitude(definition.code, text.substring(0, colon).strip(), text.substring(colon + 1).strip()));
        }
        return attitudes;
    }

    boolean hasMatrix() {
        return hasMatrix;
    }

    List<String> matrixTasks() {
        return List.copyOf(allMatrixTasks);
    }

    List<String> attitudesOf(String taskCode) {
        return attitudesOfTask.getOrDefault(taskCode, List.of());
    }

    private static String nameOf(String raw) {
        String text = Markup.clean(raw).text();
        int colon = colon(text);
        return colon < 0 ? text : text.substring(0, colon).strip();
    }

    private static int colon(String text) {
        int full = text.indexOf('：');
        int half = text.indexOf(':');
        if (full < 0) {
            return half;
        }
        return half < 0 ? full : Math.min(full, half);
    }
}
