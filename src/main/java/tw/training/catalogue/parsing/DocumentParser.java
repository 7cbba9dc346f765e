package tw.training.catalogue.parsing;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.DocumentKind;

import java.util.List;
import java.util.Optional;

/**
 * Reads any of the three kinds of iCAP document from its exported text. The kind is told by the labels
 * the text carries (職能單元代碼, 職能模型名稱 / 模型級別, 職能基準代碼), not by the caller.
 */
@Singleton
public class DocumentParser {

    private static final int LINES_QUOTED_WHEN_UNRECOGNISED = 5;

    /**
     * @param suppliedCode the code to file the document under when its text carries none (models); when the
     *                     text does carry one, it must be the same
     * @throws UnreadableDocumentException naming the lines at fault
     */
    public ParsedDocument parse(String text, @Nullable String suppliedCode) {
        List<SourceLine> lines = SourceLine.split(text);
        Findings findings = new Findings();
        CompetencyDocument document = kindOf(lines)
                .map(kind -> kind == DocumentKind.UNIT
                        ? new UnitReader(lines, findings).read(suppliedCode)
                        : new StandardReader(lines, kind, findings).read(suppliedCode))
                .orElseThrow(() -> unrecognised(lines, findings));
        return new ParsedDocument(document, findings.warnings());
    }

    static Optional<DocumentKind> kindOf(List<SourceLine> lines) {
        if (UnitReader.isUnit(lines)) {
            return Optional.of(DocumentKind.UNIT);
        }
        boolean model = Preamble.mentions(lines, "職能模型名稱(擇一填寫)") || Preamble.mentions(lines, "職能模型名稱")
                || Preamble.mentions(lines, "模型級別");
        if (model) {
            return Optional.of(DocumentKind.MODEL);
        }
        boolean standard = Preamble.mentions(lines, "職能基準代碼") || Preamble.mentions(lines, "職能基準名稱(擇一填寫)")
                || Preamble.mentions(lines, "基準級別");
        return standard ? Optional.of(DocumentKind.STANDARD) : Optional.empty();
    }

    private static UnreadableDocumentException unrecognised(List<SourceLine> lines, Findings findings) {
        findings.error("catalogue.not-icap-standard-model-unit");
        lines.stream().filter(line -> !line.isBlank()).limit(LINES_QUOTED_WHEN_UNRECOGNISED)
                .forEach(line -> findings.error(line.number(), "catalogue.not-understood", TaskTable.excerpt(line.text())));
        return new UnreadableDocumentException(findings.errors());
    }
}
