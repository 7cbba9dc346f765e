package tw.training.problem;

import tw.training.phrase.Phrase;

import java.time.Duration;

/** The caller must wait before trying again; {@link #retryAfter()} says how long. */
public final class TooManyRequestsException extends DomainException {

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter, String key, Object... arguments) {
        super(Phrase.of(key, arguments));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
