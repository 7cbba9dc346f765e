package tw.training.catalogue.parsing;

import java.util.ArrayList;
import java.util.List;

/** Collects the errors and warnings of one parse; errors are thrown together at the end. */
final class Findings {

    private final List<Finding> errors = new ArrayList<>();
    private final List<Finding> warnings = new ArrayList<>();

    void error(int line, String message) {
        errors.add(Finding.at(line, message));
    }

    void error(String message) {
        errors.add(Finding.document(message));
    }

    void warn(int line, String message) {
        warnings.add(Finding.at(line, message));
    }

    void warn(String message) {
        warnings.add(Finding.document(message));
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
