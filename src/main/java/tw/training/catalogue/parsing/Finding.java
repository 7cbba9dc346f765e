package tw.training.catalogue.parsing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import tw.training.phrase.Phrase;

/**
 * Something the parser has to say about one place of the source: an error that stops the import or a
 * warning that comes back with it. On the wire it is its code and English words; a page puts the phrase
 * into the reader's language.
 *
 * @param line 1-based line of the source text, or null when the finding is about the document as a whole
 */
@Serdeable
public record Finding(@Nullable Integer line, String code, String message, @JsonIgnore Phrase phrase) {

    static Finding at(int line, Phrase phrase) {
        return new Finding(line, phrase.key(), phrase.english(), phrase);
    }

    static Finding document(Phrase phrase) {
        return new Finding(null, phrase.key(), phrase.english(), phrase);
    }
}
