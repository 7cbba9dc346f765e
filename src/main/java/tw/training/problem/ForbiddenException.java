package tw.training.problem;

import tw.training.phrase.Phrase;

/** The caller is known but may not do this. */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(String key, Object... arguments) {
        this(Phrase.of(key, arguments));
    }

    public ForbiddenException(Phrase phrase) {
        super(phrase);
    }
}
