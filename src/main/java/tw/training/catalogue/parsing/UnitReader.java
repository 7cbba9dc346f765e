package tw.training.catalogue.parsing;

import tw.training.catalogue.document.Assessment;
import tw.training.catalogue.document.Attitude;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Definition;
import tw.training.catalogue.document.DocumentKind;
import tw.training.catalogue.document.Indicator;
import tw.training.catalogue.document.Note;
import tw.training.catalogue.document.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a unit (職能單元): a two-column form of label and content, where a row with an empty label
 * continues the content above it across a page break. Units carry no codes inside, so SPEC §2 assigns
 * them: task groups T1, T2…, their indicators P1.1, P1.2…, skills S01… and knowledge K01… in source order.
 */
final class UnitReader {

    private static final String TASKS = "工作任務與行為指標";
    private static final String SKILLS = "職能內涵(S=skills技能)";
    private static final String KNOWLEDGE = "職能內涵(K=knowledge知識)";
    private static final String ATTITUDES = "職能內涵(A=attitude態度)";
    private static final String ASSESSMENT = "評量設計參考";
    private static final String NOTES = "說明與補充事項";
    private static final List<String> SIMPLE = List.of("職能單元代碼", "職能單元名稱", "領域類別", "職能單元級別", "職能單元描述", "工作描述");
    private static final Pattern FOOTNOTE_START = Pattern.compile("(?:<p>\\s*)?(?:" + Markup.FOOTNOTE.pattern() + ")");

    private final List<SourceLine> lines;
    private final Findings findings;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    private static final class Field {
        final int line;
        String content;

        Field(int line, String content) {
            this.line = line;
            this.content = content;
        }
    }

    UnitReader(List<SourceLine> lines, Findings findings) {
        this.lines = lines;
        this.findings = findings;
    }

    static boolean isUnit(List<SourceLine> lines) {
        return Preamble.mentions(lines, "職能單元代碼") || Preamble.mentions(lines, "職能單元名稱");
    }

    CompetencyDocument read(String suppliedCode) {
        collectFields();
        findings.throwIfErrors();
        Integer level = level();
        List<Task> tasks = tasks(level);
        Assembly assembly = new Assembly(findings);
        String code = assembly.code(simple("職能單元代碼"), suppliedCode, DocumentKind.UNIT);
        String name = simple("職能單元名稱");
        if (name == null) {
            findings.error("catalogue.unit-has-no-name");
        }
        String description = simple("職能單元描述") != null ? simple("職能單元描述") : simple("工作描述");
        CompetencyDocument document = new CompetencyDocument(code, DocumentKind.UNIT, name, null, level, simple("領域類別"),
                description, null, null, null, List.of(), List.of(), tasks,
                definitions(KNOWLEDGE, "K"), definitions(SKILLS, "S"), attitudes(), notes(), assessment());
        assembly.check(document);
        return document;
    }

    private void collectFields() {
        Field last = null;
        for (SourceLine line : lines) {
            if (line.isBlank() || line.isRuler()) {
                continue;
            }
            String label = SourceLine.label(line.cell(0));
            String content = String.join(" ", line.cells().subList(1, line.cells().size())).strip();
            if (!label.isEmpty()) {
                if (fields.containsKey(label)) {
                    findings.error(line.number(), "catalogue.appears-twice", label);
                }
                last = new Field(line.number(), content);
                fields.put(label, last);
                if (!isKnown(label)) {
                    findings.warn(line.number(), "catalogue.field-not-one-unit-template", line.cell(0));
                }
            } else if (last == null) {
                findings.error(line.number(), "catalogue.text-before-first-field", TaskTable.excerpt(content));
            } else {
                // the page break cut the content: the rest sits in a row of its own with an empty label
                last.content = PageBreak.join(last.content, content).text();
            }
        }
    }

    private static boolean isKnown(String label) {
        return SIMPLE.contains(label) || List.of(TASKS, SKILLS, KNOWLEDGE, ATTITUDES, ASSESSMENT, NOTES).contains(label);
    }

    private String simple(String label) {
        Field field = fields.get(label);
        if (field == null) {
            return null;
        }
        String text = Markup.clean(field.content).text();
        return text.isEmpty() ? null : text;
    }

    private Integer level() {
        String level = simple("職能單元級別");
        if (level == null) {
            return null;
        }
        try {
            return Integer.valueOf(level);
        } catch (NumberFormatException e) {
            findings.error(fields.get("職能單元級別").line, "catalogue.level-not-number", level);
            return null;
        }
    }

    /** Each task group heading is a task; a unit has one level, which is its tasks' level too. */
    private List<Task> tasks(Integer level) {
        Field field = fields.get(TASKS);
        if (field == null) {
            findings.error("catalogue.unit-has-no", TASKS);
            return List.of();
        }
        List<Task> tasks = new ArrayList<>();
        String taskCode = null;
        String title = null;
        List<String> footnotes = List.of();
        List<Indicator> indicators = new ArrayList<>();
        for (Outline.Entry entry : Outline.read(field.content, findings, field.line, TASKS)) {
            if (entry.level() == Outline.Level.HEADING) {
                if (taskCode != null) {
                    tasks.add(task(taskCode, title, level, indicators, footnotes));
                }
                taskCode = "T" + entry.number();
                title = entry.text();
                footnotes = entry.footnotes();
                indicators = new ArrayList<>();
            } else if (taskCode == null) {
                findings.error(field.line, "catalogue.indicator-stands-before-any-task", entry.number());
            } else {
                indicators.add(new Indicator("P" + taskCode.substring(1) + "." + entry.number(), entry.text(), entry.footnotes()));
            }
        }
        if (taskCode != null) {
            tasks.add(task(taskCode, title, level, indicators, footnotes));
        }
        return tasks;
    }

    private static Task task(String code, String title, Integer level, List<Indicator> indicators, List<String> footnotes) {
        return new Task(code, title, level, null, List.of(), List.copyOf(indicators), List.of(), List.of(), List.of(), footnotes);
    }

    /** Skills and knowledge are numbered lists whose numbers become codes: 一、 → S01. */
    private List<Definition> definitions(String label, String letter) {
        Field field = fields.get(label);
        if (field == null) {
            return List.of();
        }
        List<Definition> definitions = new ArrayList<>();
        for (Outline.Entry entry : Outline.read(field.content, findings, field.line, label)) {
            definitions.add(new Definition(String.format("%s%02d", letter, definitions.size() + 1), entry.text(), entry.footnotes()));
        }
        return definitions;
    }

    private List<Attitude> attitudes() {
        return definitions(ATTITUDES, "A").stream().map(definition -> {
            String text = definition.text();
            int colon = text.indexOf('：');
            return colon < 0 ? new Attitude(definition.code(), text, null)
                    : new Attitude(definition.code(), text.substring(0, colon), text.substring(colon + 1).strip());
        }).toList();
    }

    private Assessment assessment() {
        Field field = fields.get(ASSESSMENT);
        if (field == null) {
            return Assessment.none();
        }
        List<List<String>> sections = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<String> current = null;
        for (Outline.Entry entry : Outline.read(field.content, findings, field.line, ASSESSMENT)) {
            if (entry.level() == Outline.Level.HEADING) {
                current = sectionOf(entry, sections, field.line);
            } else if (current == null) {
                findings.error(field.line, "catalogue.item-stands-before-any-heading", ASSESSMENT, entry.number());
            } else {
                current.add(entry.text());
            }
        }
        return new Assessment(List.copyOf(sections.get(0)), List.copyOf(sections.get(1)), List.copyOf(sections.get(2)));
    }

    /** 評量之關鍵面向 / 評量所需情境與特定資源 / 評量方法, recognised by their words, else by their order. */
    private List<String> sectionOf(Outline.Entry heading, List<List<String>> sections, int line) {
        String text = heading.text();
        if (text.contains("方法")) {
            return sections.get(2);
        }
        if (text.contains("情境") || text.contains("資源")) {
            return sections.get(1);
        }
        if (text.contains("關鍵") || text.contains("證據")) {
            return sections.get(0);
        }
        if (heading.number() <= sections.size()) {
            findings.warn(line, "catalogue.heading-taken-as-section-by", ASSESSMENT, text, heading.number());
            return sections.get(heading.number() - 1);
        }
        findings.error(line, "catalogue.heading-none-key-evidence-aspects", ASSESSMENT, text);
        return new ArrayList<>();
    }

    /** 【註N】 paragraphs, each with the lists under it kept as lines. */
    private List<Note> notes() {
        Field field = fields.get(NOTES);
        if (field == null) {
            return List.of();
        }
        List<Note> notes = new ArrayList<>();
        Matcher m = FOOTNOTE_START.matcher(field.content);
        int start = 0;
        String label = NoteSection.SECTION;
        while (m.find()) {
            addNote(notes, label, field.content.substring(start, m.start()));
            label = "註" + Markup.number(m);
            start = m.end();
        }
        addNote(notes, label, field.content.substring(start));
        return notes;
    }

    private static void addNote(List<Note> notes, String label, String raw) {
        List<String> lines = new ArrayList<>();
        for (String line : Markup.blockLines(raw.replaceAll("\\s*([●■◆▪])", "<br>$1"))) {
            lines.add(line);
        }
        if (!lines.isEmpty() || !label.equals(NoteSection.SECTION)) {
            notes.add(new Note(label, String.join("\n", lines)));
        }
    }
}
