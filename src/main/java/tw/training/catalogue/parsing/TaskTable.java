package tw.training.catalogue.parsing;

import tw.training.catalogue.parsing.CodedCell.Code;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task table of a standard or model (主要職責 | 工作任務 | 工作產出 | 行為指標 | 職能級別 | K | S), read row by
 * row. A row whose task cell holds a task code starts a task; any other row continues the task above it,
 * which is what a page break does to a cell. Rows that lost their leading cells are put back in place by
 * the codes they do carry.
 */
final class TaskTable {

    enum Column { RESPONSIBILITY, TASK, OUTPUT, INDICATOR, LEVEL, KNOWLEDGE, SKILL }

    private static final Map<Code, Column> COLUMN_OF_CODE = Map.of(
            Code.RESPONSIBILITY, Column.RESPONSIBILITY,
            Code.TASK, Column.TASK,
            Code.OUTPUT, Column.OUTPUT,
            Code.INDICATOR, Column.INDICATOR,
            Code.KNOWLEDGE, Column.KNOWLEDGE,
            Code.SKILL, Column.SKILL);

    private final Findings findings;
    private final List<Column> columns = new ArrayList<>();
    private final List<DraftItem> responsibilities = new ArrayList<>();
    private final List<DraftTask> tasks = new ArrayList<>();
    private DraftItem responsibility;
    private DraftTask task;

    TaskTable(Findings findings) {
        this.findings = findings;
    }

    static boolean isHeader(SourceLine line) {
        List<String> labels = line.cells().stream().map(SourceLine::label).toList();
        return labels.contains("行為指標") && labels.stream().anyMatch(label -> label.startsWith("工作任務"));
    }

    /** Reads the header; repeated at every page break, it must say the same each time. */
    void header(SourceLine line) {
        List<Column> read = new ArrayList<>();
        for (String cell : line.cells()) {
            read.add(columnOf(SourceLine.label(cell), read, line));
        }
        // the model's two-level header 工作任務(依需要分層) spans responsibility and task: one label, two columns
        int span = read.indexOf(Column.RESPONSIBILITY);
        if (span >= 0 && !read.contains(Column.TASK) && span + 1 < read.size() && read.get(span + 1) == null) {
            read.set(span + 1, Column.TASK);
        }
        while (!read.isEmpty() && read.get(read.size() - 1) == null) {
            read.remove(read.size() - 1);
        }
        if (!columns.isEmpty() && !columns.equals(read)) {
            findings.warn(line.number(), "catalogue.table-header-here-differs-from");
        }
        columns.clear();
        columns.addAll(read);
    }

    private Column columnOf(String label, List<Column> before, SourceLine line) {
        if (label.isEmpty()) {
            return null;
        }
        if (label.contains("職責")) {
            return Column.RESPONSIBILITY;
        }
        if (label.startsWith("工作任務")) {
            return label.contains("分層") && !before.contains(Column.RESPONSIBILITY) ? Column.RESPONSIBILITY : Column.TASK;
        }
        if (label.contains("工作產出")) {
            return Column.OUTPUT;
        }
        if (label.contains("行為指標")) {
            return Column.INDICATOR;
        }
        if (label.contains("級別")) {
            return Column.LEVEL;
        }
        if (label.contains("K=knowledge") || label.startsWith("職能內涵(K")) {
            return Column.KNOWLEDGE;
        }
        if (label.contains("S=skills") || label.startsWith("職能內涵(S")) {
            return Column.SKILL;
        }
        findings.warn(line.number(), "catalogue.table-column-not-one-template", label);
        return null;
    }

    void row(SourceLine line) {
        Optional<Map<Column, String>> placed = place(line);
        if (placed.isEmpty()) {
            return;
        }
        Map<Column, String> cells = placed.get();
        CodedCell.Split taskCell = CodedCell.split(cells.getOrDefault(Column.TASK, ""), Code.TASK);
        if (taskCell.items().size() > 1) {
            findings.error(line.number(), "catalogue.one-row-holds-several-tasks", codes(taskCell.items()));
            return;
        }
        if (taskCell.items().isEmpty()) {
            continueTask(line, cells);
        } else {
            if (!taskCell.lead().isEmpty()) {
                continueTitle(line, taskCell.lead());
            }
            startTask(line, cells, taskCell.items().get(0));
        }
    }

    /** Puts each cell under its column, shifting rows that lost leading cells by the codes they carry. */
    private Optional<Map<Column, String>> place(SourceLine line) {
        if (columns.isEmpty()) {
            findings.error(line.number(), "catalogue.table-row-before-any-table");
            return Optional.empty();
        }
        List<String> cells = new ArrayList<>(line.cells());
        int shift = shiftOf(cells);
        if (shift > 0) {
            cells.addAll(0, Collections.nCopies(shift, ""));
        } else if (shift < 0) {
            if (cells.subList(0, -shift).stream().anyMatch(cell -> !cell.isEmpty())) {
                findings.error(line.number(), "catalogue.cells-do-not-line-up");
                return Optional.empty();
            }
            cells.subList(0, -shift).clear();
        }
        Map<Column, String> placed = new EnumMap<>(Column.class);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.isEmpty()) {
                continue;
            }
            Column column = i < columns.size() ? columns.get(i) : null;
            if (column == null) {
                findings.error(line.number(), "catalogue.text-outside-table-s-columns", excerpt(cell));
                return Optional.empty();
            }
            Optional<Column> coded = CodedCell.leadingCode(cell).map(COLUMN_OF_CODE::get);
            if (coded.isPresent() && coded.get() != column && column != Column.LEVEL) {
                findings.error(line.number(), "catalogue.stands-column", excerpt(cell), column);
                return Optional.empty();
            }
            placed.put(column, cell);
        }
        if (shift != 0) {
            findings.warn(line.number(), "catalogue.row-lacked-first-cell-s", Math.abs(shift));
        }
        return Optional.of(placed);
    }

    private int shiftOf(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).isEmpty()) {
                continue;
            }
            Optional<Column> column = CodedCell.leadingCode(cells.get(i)).map(COLUMN_OF_CODE::get);
            if (column.isPresent() && columns.contains(column.get())) {
                return columns.indexOf(column.get()) - i;
            }
        }
        return 0;
    }

    private void startTask(SourceLine line, Map<Column, String> cells, CodedCell.Item code) {
        CodedCell.Split responsibilityCell = CodedCell.split(cells.getOrDefault(Column.RESPONSIBILITY, ""), Code.RESPONSIBILITY);
        if (!responsibilityCell.lead().isEmpty()) {
            continueResponsibility(line, responsibilityCell.lead());
        }
        if (responsibilityCell.items().size() > 1) {
            findings.error(line.number(), "catalogue.one-row-holds-several-responsibilities", codes(responsibilityCell.items()));
            return;
        }
        if (responsibilityCell.items().size() == 1) {
            CodedCell.Item item = responsibilityCell.items().get(0);
            responsibility = new DraftItem(item.code(), item.text(), line.number());
            responsibilities.add(responsibility);
        }
        task = new DraftTask(code.code(), code.text(), responsibility == null ? null : responsibility.code, line.number());
        tasks.add(task);
        task.level = level(line, cells.get(Column.LEVEL));
        addItems(line, cells, Column.OUTPUT, Code.OUTPUT, task.outputs, true);
        addItems(line, cells, Column.INDICATOR, Code.INDICATOR, task.indicators, true);
        addItems(line, cells, Column.KNOWLEDGE, Code.KNOWLEDGE, task.knowledge, true);
        addItems(line, cells, Column.SKILL, Code.SKILL, task.skills, true);
    }

    private void continueTask(SourceLine line, Map<Column, String> cells) {
        if (task == null) {
            findings.error(line.number(), "catalogue.text-before-first-task", excerpt(line.firstCell()));
            return;
        }
        CodedCell.Split responsibilityCell = CodedCell.split(cells.getOrDefault(Column.RESPONSIBILITY, ""), Code.RESPONSIBILITY);
        if (!responsibilityCell.items().isEmpty()) {
            findings.error(line.number(), "catalogue.responsibility-has-no-task-on", codes(responsibilityCell.items()));
            return;
        }
        continueResponsibility(line, responsibilityCell.lead());
        continueTitle(line, cells.getOrDefault(Column.TASK, ""));
        Integer level = level(line, cells.get(Column.LEVEL));
        if (level != null && task.level == null) {
            task.level = level;
        } else if (level != null && !level.equals(task.level)) {
            findings.warn(line.number(), "catalogue.has-level-after-page-break", task.code, task.level, level, task.level);
        }
        addItems(line, cells, Column.OUTPUT, Code.OUTPUT, task.outputs, false);
        addItems(line, cells, Column.INDICATOR, Code.INDICATOR, task.indicators, false);
        addItems(line, cells, Column.KNOWLEDGE, Code.KNOWLEDGE, task.knowledge, false);
        addItems(line, cells, Column.SKILL, Code.SKILL, task.skills, false);
    }

    private void continueResponsibility(SourceLine line, String fragment) {
        if (fragment.isEmpty()) {
            return;
        }
        if (responsibility == null) {
            findings.error(line.number(), "catalogue.responsibility-text-without-code", excerpt(fragment));
            return;
        }
        reportEcho(line, responsibility.code, fragment, responsibility.continueWith(fragment));
    }

    private void continueTitle(SourceLine line, String fragment) {
        if (!fragment.isEmpty()) {
            reportEcho(line, task.code, fragment, task.title.continueWith(fragment));
        }
    }

    private void addItems(SourceLine line, Map<Column, String> cells, Column column, Code code,
                          List<DraftItem> items, boolean newTask) {
        CodedCell.Split split = CodedCell.split(cells.getOrDefault(column, ""), code);
        if (!split.lead().isEmpty()) {
            if (newTask || items.isEmpty()) {
                findings.error(line.number(), "catalogue.text-without-code", code, excerpt(split.lead()));
            } else {
                DraftItem last = items.get(items.size() - 1);
                reportEcho(line, last.code, split.lead(), last.continueWith(split.lead()));
            }
        }
        for (CodedCell.Item item : split.items()) {
            items.add(new DraftItem(item.code(), item.text(), line.number()));
        }
    }

    private Integer level(SourceLine line, String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(cell.strip());
        } catch (NumberFormatException e) {
            findings.error(line.number(), "catalogue.level-not-number", excerpt(cell));
            return null;
        }
    }

    private void reportEcho(SourceLine line, String code, String fragment, boolean dropped) {
        if (dropped) {
            findings.warn(line.number(), "catalogue.after-page-break-repeats-end", fragment, code);
        }
    }

    List<DraftItem> responsibilities() {
        return responsibilities;
    }

    List<DraftTask> tasks() {
        return tasks;
    }

    private static String codes(List<CodedCell.Item> items) {
        return String.join(", ", items.stream().map(CodedCell.Item::code).toList());
    }

    static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 40 ? flat : flat.substring(0, 40) + "…";
    }
}
