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
        Optional<InputError> wrongType = status == HttpStatus.BAD_REQUEST ? context.getRootCause().flatMap(WrongTypeInBody::of) : Optional.empty();
        if (wrongType.isPresent()) {
            ProblemKind kind = ProblemKind.INVALID_INPUT;
            Problem problem = new Problem(kind.type, kind.title, kind.status.getCode(), wrongType.get().message(), context.getRequest().getPath(),
                    null, List.of(wrongType.get()));
            return base.status(kind.status).body(problem).contentType(Problem.MEDIA_TYPE);
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
}
