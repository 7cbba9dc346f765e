package tw.training.catalogue.parsing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Something the parser has to say about one place of the source: an error that stops the import or a
 * warning that comes back with it.
 *
 * @param line 1-based line of the source text, or null when the finding is about the document as a whole
 */
@Serdeable
public record Finding(@Nullable Integer line, String message) {

    static Finding at(int line, String message) {
        return new Finding(line, message);
    }

    static Finding document(String message) {
        return new Finding(null, message);
    }
}
