package tw.training.catalogue.parsing;

import java.util.List;

/** The text could not be read as an iCAP document; {@link #errors()} names the lines at fault. */
public final class UnreadableDocumentException extends RuntimeException {

    private final transient List<Finding> errors;

    public UnreadableDocumentException(List<Finding> errors) {
        super(errors.isEmpty() ? "unreadable document" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<Finding> errors() {
        return errors;
    }
}
