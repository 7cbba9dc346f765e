package tw.training.problem;

import tw.training.phrase.Phrase;

/** The request contradicts what is already stored (the same code with other content, say). */
public final class ConflictException extends DomainException {

    public ConflictException(String key, Object... arguments) {
        this(Phrase.of(key, arguments));
    }

    public ConflictException(Phrase phrase) {
        super(phrase);
    }
}
