package tw.training.catalogue.document;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A note of 說明與補充事項. Footnotes are labelled 註1, 註2… (the label items refer to in their
 * {@code footnotes}); other notes carry their heading as label, e.g. 建議擔任此職類/職業之學歷/經歷/或能力條件.
 */
@Serdeable
public record Note(String label, String text) {
}
