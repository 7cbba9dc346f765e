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
            findings.error("catalogue.code-may-hold-only-letters", supplied);
        } else if (inText != null && supplied != null && !inText.equals(supplied)) {
            findings.error("catalogue.document-s-code-not", inText, supplied);
        } else if (inText == null && supplied == null) {
            findings.error(kind == DocumentKind.MODEL ? "catalogue.model-has-no-code" : "catalogue.no-document-code");
        } else if (inText != null && !CODE.matcher(inText).matches()) {
            findings.error("catalogue.document-s-code-not-code", inText);
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
        Definitions knowledge = new Definitions(CodedCell.Code.KNOWLEDGE);
        Definitions skills = new Definitions(CodedCell.Code.SKILL);
        List<Task> tasks = new ArrayList<>();
        for (DraftTask draft : table.tasks()) {
            Markup.Cleaned title = Markup.clean(draft.title.raw);
            if (title.text().isEmpty()) {
                findings.error(draft.line, "catalogue.has-no-title", draft.code);
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
                findings.warn(task.line, "catalogue.has-no-knowledge-own-shares", task.code, above.code);
            }
            if (task.skills.isEmpty() && !above.skills.isEmpty()) {
                above.skills.forEach(item -> task.skills.add(new DraftItem(item.code, "", task.line)));
                findings.warn(task.line, "catalogue.has-no-skills-own-shares", task.code, above.code);
            }
        }
    }

    private String responsibilityOf(DraftTask task, List<Responsibility> responsibilities) {
        String prefix = task.code.substring(0, task.code.indexOf('.'));
        if (responsibilities.stream().anyMatch(r -> r.code().equals(prefix))) {
            if (task.responsibilityCode != null && !prefix.equals(task.responsibilityCode)) {
                findings.warn(task.line, "catalogue.stands-under-filed-under-by", task.code, task.responsibilityCode, prefix);
            }
            return prefix;
        }
        return task.responsibilityCode;
    }

    private void checkMatrix(AttitudeSection attitudes, List<Task> tasks) {
        Set<String> taskCodes = new HashSet<>(tasks.stream().map(Task::code).toList());
        for (String code : attitudes.matrixTasks()) {
            if (!taskCodes.contains(code)) {
                findings.warn("catalogue.attitude-matrix-names-task-which", code);
            }
        }
        if (attitudes.hasMatrix()) {
            tasks.stream().filter(task -> !attitudes.matrixTasks().contains(task.code()))
                    .forEach(task -> findings.warn("catalogue.task-missing-from-attitude-matrix", task.code()));
        }
    }

    /** Checks every kind of document once it is whole. */
    void check(CompetencyDocument document) {
        if (document.tasks().isEmpty()) {
            findings.error("catalogue.document-has-no-tasks");
        }
        Set<String> seen = new HashSet<>();
        for (Task task : document.tasks()) {
            if (!seen.add(task.code())) {
                findings.error("catalogue.task-appears-twice", task.code());
            }
            if (task.indicators().isEmpty()) {
                findings.warn("catalogue.task-has-no-indicators", task.code());
            }
            for (Indicator indicator : task.indicators()) {
                if (!seen.add(indicator.code())) {
                    findings.error("catalogue.indicator-appears-twice", indicator.code());
                }
                if (indicator.text().isEmpty()) {
                    findings.error("catalogue.indicator-has-no-text", indicator.code());
                }
            }
            checkNumbering(task.code().substring(1), CodedCell.Code.INDICATOR, task.indicators().stream().map(Indicator::code).toList(), "P");
        }
        checkTaskNumbering(document.tasks());
        Set<String> attitudeCodes = new HashSet<>(document.attitudes().stream().map(a -> a.code()).toList());
        document.tasks().forEach(task -> task.attitudes().stream().filter(code -> !attitudeCodes.contains(code))
                .forEach(code -> findings.warn("catalogue.referred-by-but-never-defined", code, task.code())));
        checkFootnotes(document);
        findings.throwIfErrors();
    }

    /** Indicators of task T1.2 should run P1.2.1, P1.2.2 … with no gap (units: P1.1, P1.2 … under T1). */
    private void checkNumbering(String taskNumber, CodedCell.Code what, List<String> codes, String letter) {
        for (int i = 0; i < codes.size(); i++) {
            String expected = letter + taskNumber + "." + (i + 1);
            if (!codes.get(i).equals(expected)) {
                findings.warn("catalogue.expected-but-found-gap-misnumbering", what, expected, codes.get(i));
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
                checkNumbering(group.substring(1), CodedCell.Code.TASK, codes, "T");
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
                findings.warn("catalogue.note-not-among-notes", label, codes);
            }
        });
    }

    /** The K or S definitions of a document, gathered from the tasks that list them. */
    private final class Definitions {
        private final CodedCell.Code what;
        private final Map<String, Definition> byCode = new LinkedHashMap<>();
        private final Map<String, String> referredBy = new LinkedHashMap<>();

        Definitions(CodedCell.Code what) {
            this.what = what;
        }

        List<String> refer(String taskCode, List<DraftItem> items) {
            List<String> codes = new ArrayList<>();
            for (DraftItem item : items) {
                if (codes.contains(item.code)) {
                    findings.warn(item.line, "catalogue.lists-twice", taskCode, item.code);
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
                    findings.warn(item.line, "catalogue.reads-under-but-where-first", item.code, text.text(), taskCode, known.text());
                }
            }
            return codes;
        }

        List<Definition> definitions() {
            referredBy.forEach((code, task) -> {
                if (!byCode.containsKey(code)) {
                    findings.warn("catalogue.referred-by-but-never-defined-2", what, code, task);
                }
            });
            return byCode.values().stream().sorted(Comparator.comparing(Assembly::codeNumber)).toList();
        }
    }

    static int codeNumber(Definition definition) {
        return Integer.parseInt(definition.code().replaceAll("\\D", ""));
    }
}
