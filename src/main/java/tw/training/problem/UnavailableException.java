package tw.training.problem;

import tw.training.phrase.Phrase;

import java.time.Duration;

/**
 * Something the request needs (the database, the evidence store) cannot be reached now: nothing is wrong with
 * the request, and the same request may succeed after {@link #retryAfter()}.
 */
public final class UnavailableException extends DomainException {

    private final String dependency;
    private final Duration retryAfter;

    public UnavailableException(String dependency, Duration retryAfter) {
        super(Phrase.of(dependency.contains("store") ? "unavailable.evidence-store" : "unavailable.database"));
        this.dependency = dependency;
        this.retryAfter = retryAfter;
    }

    public String dependency() {
        return dependency;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
