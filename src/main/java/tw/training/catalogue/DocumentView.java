package tw.training.catalogue;

import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Definition;
import tw.training.catalogue.document.Responsibility;
import tw.training.catalogue.document.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document arranged as the official text prints it: each responsibility with its tasks, each task's knowledge and
 * skills with their texts, and the task-by-attitude matrix.
 */
public record DocumentView(List<Duty> duties, List<Row> matrix) {

    /** A responsibility (T1) and its tasks; a document without responsibilities has one duty with no code. */
    public record Duty(String code, String title, List<Item> tasks) {
    }

    /** A task with the knowledge and skills it names, each with its text. */
    public record Item(Task task, List<Definition> knowledge, List<Definition> skills) {
    }

    /** A row of the matrix: a task, and for each of the document's attitudes (in order) whether the task asks for it. */
    public record Row(String code, String title, List<Boolean> attitudes) {
    }

    static DocumentView of(CompetencyDocument document) {
        Map<String, Definition> knowledge = byCode(document.knowledge());
        Map<String, Definition> skills = byCode(document.skills());
        Map<String, Duty> duties = new LinkedHashMap<>();
        for (Responsibility responsibility : document.responsibilities()) {
            duties.put(responsibility.code(), new Duty(responsibility.code(), responsibility.title(), new ArrayList<>()));
        }
        List<Row> matrix = new ArrayList<>();
        for (Task task : document.tasks()) {
            String duty = task.responsibilityCode() == null ? "" : task.responsibilityCode();
            duties.computeIfAbsent(duty, code -> new Duty(code, "", new ArrayList<>())).tasks()
                    .add(new Item(task, pick(knowledge, task.knowledge()), pick(skills, task.skills())));
            matrix.add(new Row(task.code(), task.title(), document.attitudes().stream().map(a -> task.attitudes().contains(a.code())).toList()));
        }
        // a document whose tasks name no attitude has no matrix to print, not an empty grid
        boolean anyAsked = matrix.stream().anyMatch(row -> row.attitudes().contains(true));
        return new DocumentView(List.copyOf(duties.values()), anyAsked ? matrix : List.of());
    }

    private static Map<String, Definition> byCode(List<Definition> definitions) {
        Map<String, Definition> byCode = new LinkedHashMap<>();
        definitions.forEach(definition -> byCode.put(definition.code(), definition));
        return byCode;
    }

    /** The definitions a task names, in its order; a code the document does not define is shown as a code alone. */
    private static List<Definition> pick(Map<String, Definition> definitions, List<String> codes) {
        return codes.stream().map(code -> definitions.getOrDefault(code, new Definition(code, "", List.of()))).toList();
    }
}
