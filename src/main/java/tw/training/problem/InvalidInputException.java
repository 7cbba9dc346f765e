package tw.training.problem;

import tw.training.phrase.Phrase;

import java.util.List;

/** The request cannot be carried out as given; {@link #errors()} names each field or line at fault. */
public final class InvalidInputException extends DomainException {

    private final transient List<InputError> errors;

    public InvalidInputException(Phrase phrase, List<InputError> errors) {
        super(phrase);
        this.errors = List.copyOf(errors);
    }

    /** One field at fault; the refusal as a whole says what the field's error says. */
    public static InvalidInputException of(String field, String key, Object... arguments) {
        Phrase phrase = Phrase.of(key, arguments);
        return new InvalidInputException(phrase, List.of(InputError.field(field, phrase)));
    }

    public List<InputError> errors() {
        return errors;
    }
}
