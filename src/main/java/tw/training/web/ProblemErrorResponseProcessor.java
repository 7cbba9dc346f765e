package tw.training.web;

import tw.training.phrase.Phrase;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import tw.training.problem.InputError;

import java.util.List;
import java.util.Optional;

/**
 * Errors the framework raises itself (no such route, wrong method or content type, unreadable JSON,
 * constraint violations, security refusals) in the same problem+json shape as the features' own.
 */
@Singleton
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        Optional<Throwable> cause = status == HttpStatus.BAD_REQUEST ? context.getRootCause() : Optional.empty();
        Optional<InputError> inBody = cause.flatMap(WrongType::inBody);
        if (inBody.isPresent()) {
            return base.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem(ProblemKind.INVALID_INPUT, context, inBody.get()))
                    .contentType(Problem.MEDIA_TYPE);
        }
        Optional<InputError> inAddress = cause.flatMap(WrongType::inAddress);
        if (inAddress.isPresent()) {
            return base.body(problem(ProblemKind.BAD_REQUEST, context, inAddress.get())).contentType(Problem.MEDIA_TYPE);
        }
        ProblemKind kind = ProblemKind.of(status);
        List<InputError> errors = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> InputError.field(FrameworkMessages.field(error.getMessage(), error.getPath().get().replaceFirst("^/", "")),
                        FrameworkMessages.safe(error.getMessage(), kind.phrase())))
                .toList();
        Phrase detail = kind == ProblemKind.UNEXPECTED
                ? Phrase.of("web.unexpected-short")
                : context.getErrors().stream().map(error -> FrameworkMessages.safe(error.getMessage(), kind.phrase())).findFirst().orElse(kind.phrase());
        return base.body(ProblemResponses.problem(kind, status.getCode(), context.getRequest(), detail, null, errors)).contentType(Problem.MEDIA_TYPE);
    }

    private static Problem problem(ProblemKind kind, ErrorContext context, InputError error) {
        return ProblemResponses.problem(kind, kind.status.getCode(), context.getRequest(), error.phrase(), null, List.of(error));
    }
}
