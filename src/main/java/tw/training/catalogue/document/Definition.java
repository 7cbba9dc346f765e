package tw.training.catalogue.document;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A knowledge (K01…) or skill (S01…) item of a document. */
@Serdeable
public record Definition(String code, String text, List<String> footnotes) {
}
