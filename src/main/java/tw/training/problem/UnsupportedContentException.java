package tw.training.problem;

import tw.training.phrase.Phrase;

/** Content whose type, told by its bytes, is not among the accepted ones. */
public final class UnsupportedContentException extends DomainException {

    public UnsupportedContentException(String key, Object... arguments) {
        this(Phrase.of(key, arguments));
    }

    public UnsupportedContentException(Phrase phrase) {
        super(phrase);
    }
}
