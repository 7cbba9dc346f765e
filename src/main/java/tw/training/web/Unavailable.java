package tw.training.web;

import tw.training.phrase.Phrase;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import tw.training.health.Dependencies;
import tw.training.health.Dependency;

import java.time.Duration;
import java.util.List;

/**
 * The answer while a dependency is down: 503 with {@code Retry-After}, naming what is missing, and the outage
 * reported once to {@link Dependencies} instead of a stack trace per request.
 */
@Singleton
final class Unavailable {

    private final Dependencies dependencies;
    private final Duration retryAfter;

    Unavailable(Dependencies dependencies, @Value("${app.health.retry-after:5s}") Duration retryAfter) {
        this.dependencies = dependencies;
        this.retryAfter = retryAfter;
    }

    MutableHttpResponse<Problem> answer(HttpRequest<?> request, Dependency dependency, String cause) {
        dependencies.lost(dependency, cause);
        Phrase detail = Phrase.of(dependency == Dependency.DATABASE ? "unavailable.database" : "unavailable.evidence-store");
        return ProblemResponses.of(ProblemKind.UNAVAILABLE, request, detail, null, List.of())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
    }
}
