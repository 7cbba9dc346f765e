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
        Problem problem = new Problem(kind.type, kind.title, status.getCode(), detail.key(), detail.in(ProblemResponses.language(context.getRequest())),
                context.getRequest().getPath(), null, ProblemResponses.faults(errors, ProblemResponses.language(context.getRequest())));
        return base.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    private static Problem problem(ProblemKind kind, ErrorContext context, InputError error) {
        java.util.Locale language = ProblemResponses.language(context.getRequest());
        return new Problem(kind.type, kind.title, kind.status.getCode(), error.phrase().key(), error.phrase().in(language),
                context.getRequest().getPath(), null, ProblemResponses.faults(List.of(error), language));
    }
}
