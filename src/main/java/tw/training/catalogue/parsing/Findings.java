package tw.training.catalogue.parsing;

import tw.training.phrase.Phrase;

import java.util.ArrayList;
import java.util.List;

/** Collects the errors and warnings of one parse; errors are thrown together at the end. */
final class Findings {

    private final List<Finding> errors = new ArrayList<>();
    private final List<Finding> warnings = new ArrayList<>();

    void error(int line, String key, Object... arguments) {
        errors.add(Finding.at(line, Phrase.of(key, arguments)));
    }

    void error(String key, Object... arguments) {
        errors.add(Finding.document(Phrase.of(key, arguments)));
    }

    void warn(int line, String key, Object... arguments) {
        warnings.add(Finding.at(line, Phrase.of(key, arguments)));
    }

    void warn(String key, Object... arguments) {
        warnings.add(Finding.document(Phrase.of(key, arguments)));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    void throwIfErrors() {
        if (hasErrors()) {
            throw new UnreadableDocumentException(errors);
        }
    }

    List<Finding> errors() {
        return List.copyOf(errors);
    }

    List<Finding> warnings() {
        return List.copyOf(warnings);
    }
}
