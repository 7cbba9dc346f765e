package tw.training.catalogue;

import io.micronaut.serde.annotation.Serdeable;
import tw.training.catalogue.document.DocumentKind;
import tw.training.catalogue.parsing.Finding;

import java.util.List;

/**
 * The answer to an import.
 *
 * @param warnings what looked suspicious in the text (gaps in numbering, codes referred to but never
 *                 defined, cells realigned or shared), the same on every import of the same text
 */
@Serdeable
public record ImportResult(String code, DocumentKind kind, String name, ImportOutcome outcome,
                           int tasks, int indicators, List<Finding> warnings) {
}
