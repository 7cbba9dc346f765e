package tw.training.problem;

import tw.training.phrase.Phrase;

/** What the request names existed and is gone for good: a link used already, or past its time. */
public final class GoneException extends DomainException {

    public GoneException(String key, Object... arguments) {
        super(Phrase.of(key, arguments));
    }
}
