package tw.training.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import tw.training.problem.InputError;

import java.util.List;

/** Builds problem+json responses; the one place that knows their shape on the wire. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static MutableHttpResponse<Problem> of(ProblemKind kind, HttpRequest<?> request, String detail,
                                           String errorId, List<InputError> errors) {
        Problem problem = new Problem(kind.type, kind.title, kind.status.getCode(), detail,
                request == null ? null : request.getPath(), errorId, errors);
        return HttpResponse.<Problem>status(kind.status).body(problem).contentType(Problem.MEDIA_TYPE);
    }
}
