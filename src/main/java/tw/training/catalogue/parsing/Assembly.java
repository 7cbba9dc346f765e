package tw.training.catalogue.parsing;

import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Definition;
import tw.training.catalogue.document.DocumentKind;
import tw.training.catalogue.document.Indicator;
import tw.training.catalogue.document.Note;
import tw.training.catalogue.document.Responsibility;
import tw.training.catalogue.document.Task;
import tw.training.catalogue.document.WorkOutput;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what the readers collected into the finished document and checks it as a whole: every task has
 * indicators, numbering has no gaps, every code and footnote referred to is defined. What cannot be right
 * is an error; what may be right but looks odd is a warning.
 */
final class Assembly {

    /** Codes a caller may give to a document whose text has none (a model). */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Findings findings;

    Assembly(Findings findings) {
        this.findings = findings;
    }

    String code(String inText, String supplied, DocumentKind kind) {
        if (supplied != null && !CODE.matcher(supplied).matches()) {
            findings.error("code '" + supplied + "' may hold only letters, digits, '.', '_' and '-' (at most 64)");
        } else if (inText != null && supplied != null && !inText.equals(supplied)) {
            findings.error("the document's code is " + inText + ", not " + supplied);
        } else if (inText == null && supplied == null) {
            findings.error(kind == DocumentKind.MODEL
                    ? "a model carries no code in its text: give one with ?code="
                    : "no document code found (職能基準代碼 / 職能單元代碼)");
        } else if (inText != null && !CODE.matcher(inText).matches()) {
            findings.error("the document's code '" + inText + "' is not a code");
        }
        findings.throwIfErrors();
        return inText != null ? inText : supplied;
    }

    /** Completes a standard or model from its task table and attitude section. */
    CompetencyDocument document(CompetencyDocument base, TaskTable table, AttitudeSection attitudes) {
        List<Responsibility> responsibilities = table.responsibilities().stream()
                .map(draft -> {
                    Markup.Cleaned title = Markup.clean(draft.raw);
                    return new Responsibility(draft.code, title.text(), title.footnotes());
                })
                .toList();
        inheritMergedCells(table.tasks());
        Definitions knowledge = new Definitions("knowledge");
        Definitions skills = new Definitions("skill");
        List<Task> tasks = new ArrayList<>();
        for (DraftTask draft : table.tasks()) {
            Markup.Cleaned title = Markup.clean(draft.title.raw);
            if (title.text().isEmpty()) {
                findings.error(draft.line, draft.code + " has no title");
            }
            tasks.add(new Task(draft.code, title.text(), draft.level, responsibilityOf(draft, responsibilities),
                    draft.outputs.stream().map(item -> {
                        Markup.Cleaned text = Markup.clean(item.raw);
                        return new WorkOutput(item.code, text.text(), text.footnotes());
                    }).toList(),
                    draft.indicators.stream().map(item -> {
                        Markup.Cleaned text = Markup.clean(item.raw);
                        return new Indicator(item.code, text.text(), text.footnotes());
                    }).toList(),
                    knowledge.refer(draft.code, draft.knowledge),
                    skills.refer(draft.code, draft.skills),
                    List.copyOf(attitudes.attitudesOf(draft.code)),
                    title.footnotes()));
        }
        checkMatrix(attitudes, tasks);
        CompetencyDocument document = new CompetencyDocument(base.code(), base.kind(), base.name(), base.title(), base.level(),
                base.field(), base.description(), base.jobCategory(), base.occupation(), base.industry(), base.versions(),
                responsibilities, tasks, knowledge.definitions(), skills.definitions(), base.attitudes(), base.notes(),
                base.assessment());
        check(document);
        return document;
    }

    /**
     * A K or S cell left blank under a task is a cell merged with the one above in the PDF: the task shares
     * the knowledge or skills of the task before it in the same responsibility.
     */
    private void inheritMergedCells(List<DraftTask> tasks) {
        for (int i = 1; i < tasks.size(); i++) {
            DraftTask task = tasks.get(i);
            DraftTask above = tasks.get(i - 1);
            if (task.responsibilityCode == null || !task.responsibilityCode.equals(above.responsibilityCode)) {
                continue;
            }
            if (task.knowledge.isEmpty() && !above.knowledge.isEmpty()) {
                above.knowledge.forEach(item -> task.knowledge.add(new DraftItem(item.code, "", task.line)));
                findings.warn(task.line, task.code + " has no knowledge of its own; shares " + above.code + "'s (merged cell)");
            }
            if (task.skills.isEmpty() && !above.skills.isEmpty()) {
                above.skills.forEach(item -> task.skills.add(new DraftItem(item.code, "", task.line)));
                findings.warn(task.line, task.code + " has no skills of its own; shares " + above.code + "'s (merged cell)");
            }
        }
    }

    private String responsibilityOf(DraftTask task, List<Responsibility> responsibilities) {
        String prefix = task.code.substring(0, task.code.indexOf('.'));
        if (responsibilities.stream().anyMatch(r -> r.code().equals(prefix))) {
            if (task.responsibilityCode != null && !prefix.equals(task.responsibilityCode)) {
                findings.warn(task.line, task.code + " stands under " + task.responsibilityCode + "; filed under " + prefix + " by its code");
            }
            return prefix;
        }
        return task.responsibilityCode;
    }

    private void checkMatrix(AttitudeSection attitudes, List<Task> tasks) {
        Set<String> taskCodes = new HashSet<>(tasks.stream().map(Task::code).toList());
        for (String code : attitudes.matrixTasks()) {
            if (!taskCodes.contains(code)) {
                findings.warn("the attitude matrix names task " + code + ", which the table does not have");
            }
        }
        if (attitudes.hasMatrix()) {
            tasks.stream().filter(task -> !attitudes.matrixTasks().contains(task.code()))
                    .forEach(task -> findings.warn("task " + task.code() + " is missing from the attitude matrix"));
        }
    }

    /** Checks every kind of document once it is whole. */
    void check(CompetencyDocument document) {
        if (document.tasks().isEmpty()) {
            findings.error("the document has no tasks");
        }
        Set<String> seen = new HashSet<>();
        for (Task task : document.tasks()) {
            if (!seen.add(task.code())) {
                findings.error("task " + task.code() + " appears twice");
            }
            if (task.indicators().isEmpty()) {
                findings.warn("task " + task.code() + " has no indicators");
            }
            for (Indicator indicator : task.indicators()) {
                if (!seen.add(indicator.code())) {
                    findings.error("indicator " + indicator.code() + " appears twice");
                }
                if (indicator.text().isEmpty()) {
                    findings.error("indicator " + indicator.code() + " has no text");
                }
            }
            checkNumbering(task.code().substring(1), "indicator", task.indicators().stream().map(Indicator::code).toList(), "P");
        }
        checkTaskNumbering(document.tasks());
        Set<String> attitudeCodes = new HashSet<>(document.attitudes().stream().map(a -> a.code()).toList());
        document.tasks().forEach(task -> task.attitudes().stream().filter(code -> !attitudeCodes.contains(code))
                .forEach(code -> findings.warn(code + " is referred to by " + task.code() + " but never defined")));
        checkFootnotes(document);
        findings.throwIfErrors();
    }

    /** Indicators of task T1.2 should run P1.2.1, P1.2.2 … with no gap (units: P1.1, P1.2 … under T1). */
    private void checkNumbering(String taskNumber, String what, List<String> codes, String letter) {
        for (int i = 0; i < codes.size(); i++) {
            String expected = letter + taskNumber + "." + (i + 1);
            if (!codes.get(i).equals(expected)) {
                findings.warn("expected " + what + " " + expected + " but found " + codes.get(i) + " (gap or misnumbering)");
                return;
            }
        }
    }

    private void checkTaskNumbering(List<Task> tasks) {
        Map<String, List<String>> byResponsibility = new LinkedHashMap<>();
        for (Task task : tasks) {
            int dot = task.code().indexOf('.');
            String group = dot < 0 ? "" : task.code().substring(0, dot);
            byResponsibility.computeIfAbsent(group, key -> new ArrayList<>()).add(task.code());
        }
        byResponsibility.forEach((group, codes) -> {
            if (!group.isEmpty()) {
                checkNumbering(group.substring(1), "task", codes, "T");
            }
        });
    }

    private void checkFootnotes(CompetencyDocument document) {
        Set<String> labels = new HashSet<>(document.notes().stream().map(Note::label).toList());
        Map<String, List<String>> references = new LinkedHashMap<>();
        document.responsibilities().forEach(r -> r.footnotes().forEach(f -> references.computeIfAbsent(f, k -> new ArrayList<>()).add(r.code())));
        for (Task task : document.tasks()) {
            task.footnotes().forEach(f -> references.computeIfAbsent(f, k -> new ArrayList<>()).add(task.code()));
            task.outputs().forEach(o -> o.footnotes().forEach(f -> references.computeIfAbsent(f, k -> new ArrayList<>()).add(o.code())));
            task.indicators().forEach(p -> p.footnotes().forEach(f -> references.computeIfAbsent(f, k -> new ArrayList<>()).add(p.code())));
        }
        document.knowledge().forEach(k -> k.footnotes().forEach(f -> references.computeIfAbsent(f, key -> new ArrayList<>()).add(k.code())));
        document.skills().forEach(s -> s.footnotes().forEach(f -> references.computeIfAbsent(f, key -> new ArrayList<>()).add(s.code())));
        references.forEach((label, codes) -> {
            if (!labels.contains(label)) {
                findings.warn(label + " is referred to by " + String.join(", ", codes) + " but is not among the notes");
            }
        });
    }

    /** The K or S definitions of a document, gathered from the tasks that list them. */
    private final class Definitions {
        private final String what;
        private final Map<String, Definition> byCode = new LinkedHashMap<>();
        private final Map<String, String> referredBy = new LinkedHashMap<>();

        Definitions(String what) {
            this.what = what;
        }

        List<String> refer(String taskCode, List<DraftItem> items) {
            List<String> codes = new ArrayList<>();
            for (DraftItem item : items) {
                if (codes.contains(item.code)) {
                    findings.warn(item.line, taskCode + " lists " + item.code + " twice");
                    continue;
                }
                codes.add(item.code);
                Markup.Cleaned text = Markup.clean(item.raw);
                Definition known = byCode.get(item.code);
                if (text.text().isEmpty()) {
                    referredBy.putIfAbsent(item.code, taskCode);
                } else if (known == null) {
                    byCode.put(item.code, new Definition(item.code, text.text(), text.footnotes()));
                } else if (!SourceLine.label(known.text()).equals(SourceLine.label(text.text()))) {
                    findings.warn(item.line, item.code + " reads '" + text.text() + "' under " + taskCode
                            + " but '" + known.text() + "' where first defined; the first is kept");
                }
            }
            return codes;
        }

        List<Definition> definitions() {
            referredBy.forEach((code, task) -> {
                if (!byCode.containsKey(code)) {
                    findings.warn(what + " " + code + " is referred to by " + task + " but never defined");
                }
            });
            return byCode.values().stream().sorted(Comparator.comparing(Assembly::codeNumber)).toList();
        }
    }

    static int codeNumber(Definition definition) {
        return Integer.parseInt(definition.code().replaceAll("\\D", ""));
    }
}
