package tw.training.problem;

import java.util.List;

/** The request cannot be carried out as given; {@link #errors()} names each field or line at fault. */
public final class InvalidInputException extends DomainException {

    private final transient List<InputError> errors;

    public InvalidInputException(String message, List<InputError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(message, List.of(InputError.field(field, message)));
    }

    public List<InputError> errors() {
        return errors;
    }
}
