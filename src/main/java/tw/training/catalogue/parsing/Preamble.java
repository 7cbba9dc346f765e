package tw.training.catalogue.parsing;

import tw.training.catalogue.document.Classification;
import tw.training.catalogue.document.Version;

import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything above a standard's or model's task table: the heading, the version table (版本) and the
 * labelled cells of the basic data (代碼, 名稱, 所屬類別 with codes, 工作描述, 級別). Labels are found
 * wherever the layout put them; a label's value is the next non-empty cell that is not itself a label.
 */
final class Preamble {

    private static final Set<String> LABELS = Set.of(
            "職能基準代碼", "職能模型代碼", "職能基準名稱(擇一填寫)", "職能模型名稱(擇一填寫)", "職能基準名稱", "職能模型名稱",
            "職類", "職業", "所屬類別", "職類別", "職類別代碼", "職業別", "職業別代碼", "行業別", "行業別代碼",
            "工作描述", "基準級別", "模型級別");
    private static final Pattern DATE = Pattern.compile("(\\d{2,4})\\s*[/.\\-年]\\s*(\\d{1,2})\\s*[/.\\-月]\\s*(\\d{1,2})\\s*日?");
    private static final int ROC_OFFSET = 1911;

    private final Findings findings;
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Integer> lineOf = new HashMap<>();
    private final List<Version> versions = new ArrayList<>();
    private List<String> versionColumns = List.of();
    private String title;

    Preamble(Findings findings) {
        this.findings = findings;
    }

    static boolean isVersionHeader(SourceLine line) {
        return SourceLine.label(line.cell(0)).equals("版本") && line.cells().size() > 2;
    }

    static boolean isLabelled(SourceLine line) {
        return line.cells().stream().map(SourceLine::label).anyMatch(LABELS::contains);
    }

    static boolean mentions(List<SourceLine> lines, String label) {
        return lines.stream().anyMatch(line -> line.cells().stream().map(SourceLine::label).anyMatch(label::equals));
    }

    void title(SourceLine line) {
        if (title == null) {
            title = Markup.clean(line.text()).text();
        } else {
            findings.warn(line.number(), "catalogue.text-not-understood-ignored", TaskTable.excerpt(line.text()));
        }
    }

    void versionHeader(SourceLine line) {
        versionColumns = line.cells().stream().map(SourceLine::label).toList();
    }

    /** A row of the version table; false when the line is not one. */
    boolean versionRow(SourceLine line) {
        String version = column(line, "版本");
        String code = column(line, "代碼");
        if (!version.matches("(?i)v?\\d+(\\.\\d+)?") || code.isEmpty()) {
            return false;
        }
        String status = column(line, "狀態");
        versions.add(new Version(version, code, emptyToNull(column(line, "名稱")), status.contains("最新"),
                date(line, column(line, "日期")), emptyToNull(column(line, "說明"))));
        return true;
    }

    private String column(SourceLine line, String labelPart) {
        for (int i = 0; i < versionColumns.size(); i++) {
            if (versionColumns.get(i).contains(labelPart)) {
                return line.cell(i);
            }
        }
        return "";
    }

    private LocalDate date(SourceLine line, String text) {
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        try {
            if (m.find()) {
                int year = Integer.parseInt(m.group(1));
                // dates in 民國 years (e.g. 114/06/15) are common in Taiwanese documents
                return LocalDate.of(year < 1000 ? year + ROC_OFFSET : year,
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
        } catch (DateTimeException e) {
            // reported below
        }
        findings.warn(line.number(), "catalogue.not-date-version-kept-without", text);
        return null;
    }

    void labelled(SourceLine line) {
        String pending = null;
        for (String cell : line.cells()) {
            String label = SourceLine.label(cell);
            if (cell.isEmpty()) {
                continue;
            }
            if (LABELS.contains(label)) {
                pending = label;
            } else if (pending != null) {
                values.put(pending, cell);
                lineOf.put(pending, line.number());
                pending = null;
            } else {
                findings.warn(line.number(), "catalogue.follows-no-label-ignored", TaskTable.excerpt(cell));
            }
        }
    }

    String title() {
        return title;
    }

    List<Version> versions() {
        return versions;
    }

    String code() {
        String code = values.get("職能基準代碼");
        return code != null ? code : values.get("職能模型代碼");
    }

    /** 職能基準名稱 is given as either 職類 or 職業 (擇一填寫): whichever is filled in. */
    String name() {
        String occupation = values.get("職業");
        return occupation != null ? Markup.clean(occupation).text() : cleaned("職類");
    }

    Integer level() {
        String label = values.containsKey("基準級別") ? "基準級別" : "模型級別";
        String level = values.get(label);
        if (level == null) {
            return null;
        }
        try {
            return Integer.valueOf(level.strip());
        } catch (NumberFormatException e) {
            findings.error(lineOf.get(label), "catalogue.level-not-number", level);
            return null;
        }
    }

    String description() {
        return cleaned("工作描述");
    }

    Classification classification(String kind) {
        String name = cleaned(kind);
        String code = values.get(kind + "代碼");
        return name == null && code == null ? null : new Classification(code, name);
    }

    private String cleaned(String label) {
        String value = values.get(label);
        return value == null ? null : Markup.clean(value).text();
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
