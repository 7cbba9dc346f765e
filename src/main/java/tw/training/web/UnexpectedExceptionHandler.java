package tw.training.web;

import tw.training.phrase.Phrase;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.training.health.Dependencies;
import tw.training.health.Dependency;

import java.util.List;
import java.util.UUID;

/**
 * Whatever no other handler claims is a bug or an outage. A database that cannot be reached is an outage:
 * answered 503 (see {@link Unavailable}). Anything else is a bug: logged once with an id, answered with that id
 * and nothing else, so no internal detail leaks.
 */
@Produces(Problem.MEDIA_TYPE)
@Singleton
@Requires(classes = ExceptionHandler.class)
final class UnexpectedExceptionHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);

    private final Unavailable unavailable;

    UnexpectedExceptionHandler(Unavailable unavailable) {
        this.unavailable = unavailable;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Exception exception) {
        if (Dependencies.isUnreachableDatabase(exception)) {
            return unavailable.answer(request, Dependency.DATABASE, Dependencies.reason(exception));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("Unexpected failure {} on {} {}", errorId, request.getMethod(), request.getPath(), exception);
        return ProblemResponses.of(ProblemKind.UNEXPECTED, request,
                Phrase.of("web.unexpected", errorId), errorId, List.of());
    }
}
