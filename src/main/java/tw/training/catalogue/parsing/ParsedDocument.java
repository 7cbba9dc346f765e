package tw.training.catalogue.parsing;

import tw.training.catalogue.document.CompetencyDocument;

import java.util.List;

/** A document read from text, with the warnings about what looked suspicious in it. */
public record ParsedDocument(CompetencyDocument document, List<Finding> warnings) {
}
