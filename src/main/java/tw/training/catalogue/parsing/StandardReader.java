package tw.training.catalogue.parsing;

import tw.training.catalogue.document.Assessment;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.DocumentKind;

import java.util.List;

/**
 * Reads a standard (職能基準) or a model (職能模型), whose layouts are the same: preamble, task table,
 * attitudes with an optional matrix, notes. Each line is given to the section it belongs to; a line no
 * section claims is reported, never dropped in silence.
 */
final class StandardReader {

    private enum Section { PREAMBLE, VERSIONS, TABLE, ATTITUDES, MATRIX, NOTES }

    private final List<SourceLine> lines;
    private final DocumentKind kind;
    private final Findings findings;
    private final Preamble preamble;
    private final TaskTable table;
    private final AttitudeSection attitudes;
    private final NoteSection notes = new NoteSection();

    StandardReader(List<SourceLine> lines, DocumentKind kind, Findings findings) {
        this.lines = lines;
        this.kind = kind;
        this.findings = findings;
        this.preamble = new Preamble(findings);
        this.table = new TaskTable(findings);
        this.attitudes = new AttitudeSection(findings);
    }

    CompetencyDocument read(String suppliedCode) {
        Section section = Section.PREAMBLE;
        for (SourceLine line : lines) {
            if (line.isBlank() || line.isRuler()) {
                continue;
            }
            section = read(line, section);
        }
        findings.throwIfErrors();
        Assembly assembly = new Assembly(findings);
        String code = assembly.code(preamble.code(), suppliedCode, kind);
        return assembly.document(new CompetencyDocument(code, kind, preamble.name(), preamble.title(), preamble.level(),
                null, preamble.description(), preamble.classification("職類別"), preamble.classification("職業別"),
                preamble.classification("行業別"), preamble.versions(), List.of(), List.of(), List.of(), List.of(),
                attitudes.attitudes(), notes.notes(), Assessment.none()), table, attitudes);
    }

    private Section read(SourceLine line, Section section) {
        if (section == Section.NOTES) {
            notes.line(line);
            return section;
        }
        if (NoteSection.isHeading(line)) {
            return Section.NOTES;
        }
        if (AttitudeSection.isHeading(line)) {
            return Section.ATTITUDES;
        }
        if (AttitudeSection.isMatrixHeader(line)) {
            attitudes.matrixHeader(line);
            return Section.MATRIX;
        }
        if (TaskTable.isHeader(line)) {
            table.header(line);
            return Section.TABLE;
        }
        if (Preamble.isVersionHeader(line)) {
            preamble.versionHeader(line);
            return Section.VERSIONS;
        }
        switch (section) {
            case TABLE -> {
                if (line.cells().size() > 1) {
                    table.row(line);
                } else {
                    findings.warn(line.number(), "catalogue.text-after-task-table-not", TaskTable.excerpt(line.text()));
                }
            }
            case ATTITUDES -> attitudes.definition(line);
            case MATRIX -> {
                if (!attitudes.matrixRow(line)) {
                    findings.warn(line.number(), "catalogue.not-row-attitude-matrix-ignored", TaskTable.excerpt(line.text()));
                }
            }
            case VERSIONS -> {
                if (!preamble.versionRow(line)) {
                    return readPreamble(line);
                }
            }
            default -> {
                return readPreamble(line);
            }
        }
        return section;
    }

    private Section readPreamble(SourceLine line) {
        if (Preamble.isLabelled(line)) {
            preamble.labelled(line);
        } else {
            preamble.title(line);
        }
        return Section.PREAMBLE;
    }
}
