package tw.training.problem;

import tw.training.phrase.Phrase;

/** The thing asked for does not exist, or the caller may not know that it does. */
public final class NotFoundException extends DomainException {

    public NotFoundException(String key, Object... arguments) {
        this(Phrase.of(key, arguments));
    }

    public NotFoundException(Phrase phrase) {
        super(phrase);
    }
}
