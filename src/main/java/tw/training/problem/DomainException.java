package tw.training.problem;

import tw.training.phrase.Phrase;

/**
 * A failure a feature expects and can explain to the client. It carries a {@link Phrase}: its key is the refusal's
 * stable {@code code}, its words are chosen in the reader's language when shown; the message is the English words.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ConflictException, InvalidInputException, ForbiddenException,
        PayloadTooLargeException, UnsupportedContentException, TooManyRequestsException, UnavailableException, GoneException {

    private final transient Phrase phrase;

    protected DomainException(Phrase phrase) {
        super(phrase.english());
        this.phrase = phrase;
    }

    public Phrase phrase() {
        return phrase;
    }
}
