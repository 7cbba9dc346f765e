package tw.training.web;

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
                        FrameworkMessages.safe(error.getMessage(), kind.title)))
                .toList();
        String detail = kind == ProblemKind.UNEXPECTED
                ? "Something went wrong on our side."
                : context.getErrors().stream().map(error -> FrameworkMessages.safe(error.getMessage(), kind.title)).findFirst().orElse(kind.title);
        Problem problem = new Problem(kind.type, kind.title, status.getCode(), detail, context.getRequest().getPath(), null, errors);
        return base.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    private static Problem problem(ProblemKind kind, ErrorContext context, InputError error) {
        return new Problem(kind.type, kind.title, kind.status.getCode(), error.message(), context.getRequest().getPath(), null, List.of(error));
    }
}
