package tw.training.web;

import tw.training.phrase.Phrase;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import tw.training.problem.InputError;
import tw.training.problem.Text;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Refuses an address (path or query) holding text that is no text: a NUL or other control character, half a
 * surrogate pair. None is part of any identifier or search here, and PostgreSQL refuses a NUL in a parameter
 * with an error of its own; answered 400 before any route reads it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class AddressText implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    /** The refusal, or nothing to let the request through. */
    @RequestFilter
    @Nullable
    MutableHttpResponse<Problem> check(HttpRequest<?> request) {
        String path = decoded(request.getUri().getRawPath());
        if (path == null || Text.fault(path).isPresent()) {
            return refuse(request, "path");
        }
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            if (Text.fault(parameter.getKey()).isPresent()) {
                return refuse(request, "query");
            }
            for (String value : parameter.getValue()) {
                if (Text.fault(value).isPresent()) {
                    return refuse(request, parameter.getKey());
                }
            }
        }
        return null;
    }

    private static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static MutableHttpResponse<Problem> refuse(HttpRequest<?> request, String field) {
        return ProblemResponses.of(ProblemKind.BAD_REQUEST, request, Phrase.of("web.address-not-text"),
                null, List.of(InputError.field(field, "web.control-characters-half-surrogate-pairs")));
    }
}
