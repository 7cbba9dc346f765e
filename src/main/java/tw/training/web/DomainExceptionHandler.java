package tw.training.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import tw.training.health.Dependency;
import tw.training.problem.ConflictException;
import tw.training.problem.DomainException;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;
import tw.training.problem.PayloadTooLargeException;
import tw.training.problem.TooManyRequestsException;
import tw.training.problem.UnavailableException;
import tw.training.problem.UnsupportedContentException;

import java.util.List;

/** Maps the failures features signal to their problem kinds. */
@Produces(Problem.MEDIA_TYPE)
@Singleton
@Requires(classes = ExceptionHandler.class)
final class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<Problem>> {

    private final Unavailable unavailable;

    DomainExceptionHandler(Unavailable unavailable) {
        this.unavailable = unavailable;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DomainException exception) {
        if (exception instanceof UnavailableException outage) {
            return unavailable.answer(request, Dependency.named(outage.dependency()), outage.getMessage());
        }
        if (exception instanceof TooManyRequestsException tooMany) {
            // whole seconds, rounded up: a client that waits what it is told is not refused again
            long seconds = Math.max(1, (tooMany.retryAfter().toMillis() + 999) / 1000);
            return ProblemResponses.of(ProblemKind.TOO_MANY_REQUESTS, request, exception.phrase(), null, List.of())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        if (exception instanceof InvalidInputException invalid) {
            return ProblemResponses.of(ProblemKind.INVALID_INPUT, request, invalid.phrase(), null, invalid.errors());
        }
        ProblemKind kind = exception instanceof NotFoundException ? ProblemKind.NOT_FOUND
                : exception instanceof ConflictException ? ProblemKind.CONFLICT
                : exception instanceof tw.training.problem.GoneException ? ProblemKind.GONE
                : exception instanceof PayloadTooLargeException ? ProblemKind.PAYLOAD_TOO_LARGE
                : exception instanceof UnsupportedContentException ? ProblemKind.UNSUPPORTED_MEDIA_TYPE
                : ProblemKind.FORBIDDEN;
        return ProblemResponses.of(kind, request, exception.phrase(), null, List.of());
    }
}
