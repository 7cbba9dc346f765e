package tw.training.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import tw.training.problem.InputError;
import tw.training.phrase.Phrase;

import java.util.List;
import java.util.Locale;

/** Builds problem+json responses; the one place that knows their shape on the wire. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static MutableHttpResponse<Problem> of(ProblemKind kind, HttpRequest<?> request, Phrase detail,
                                           String errorId, List<InputError> errors) {
        Locale language = language(request);
        Problem problem = new Problem(kind.type, kind.title, kind.status.getCode(), detail.key(), detail.in(language),
                request == null ? null : request.getPath(), errorId, faults(errors, language));
        return HttpResponse.<Problem>status(kind.status).body(problem).contentType(Problem.MEDIA_TYPE);
    }

    static List<Problem.Fault> faults(List<InputError> errors, Locale language) {
        return errors.stream().map(error -> new Problem.Fault(error.field(), error.line(), error.phrase().key(),
                error.phrase().in(language))).toList();
    }

    /**
     * The language of a refusal's words: Traditional Chinese when the client's first language of ours is Chinese,
     * else English (the API's default, unlike the pages').
     */
    static Locale language(HttpRequest<?> request) {
        String header = request == null ? null : request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String wanted = range.getRange().toLowerCase(Locale.ROOT);
                if (wanted.startsWith("zh")) {
                    return Locale.TRADITIONAL_CHINESE;
                }
                if (wanted.startsWith("en")) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
        return Locale.ENGLISH;
    }
}
