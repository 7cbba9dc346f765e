package tw.training.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import tw.training.problem.InputError;
import tw.training.phrase.Languages;
import tw.training.phrase.Phrase;

import java.util.List;
import java.util.Locale;

/** Builds problem+json responses; the one place that knows their shape on the wire. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static MutableHttpResponse<Problem> of(ProblemKind kind, HttpRequest<?> request, Phrase detail,
                                           String errorId, List<InputError> errors) {
        return HttpResponse.<Problem>status(kind.status).body(problem(kind, kind.status.getCode(), request, detail, errorId, errors))
                .contentType(Problem.MEDIA_TYPE);
    }

    /** The problem in the language the request asks for ({@link #language}). */
    static Problem problem(ProblemKind kind, int status, HttpRequest<?> request, Phrase detail, String errorId, List<InputError> errors) {
        Locale language = language(request);
        return new Problem(kind.type, kind.title, status, detail.key(), detail.in(language), request == null ? null : request.getPath(), errorId,
                errors.stream().map(error -> new Problem.Fault(error.field(), error.line(), error.phrase().key(), error.phrase().in(language))).toList());
    }

    /** The language of a refusal's words: the client's first of ours, else English (the API's default, unlike the pages'). */
    static Locale language(HttpRequest<?> request) {
        return Languages.accepted(request == null ? null : request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE)).orElse(Locale.ENGLISH);
    }
}
