package tw.training.page;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import tw.training.web.Problem;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What goes wrong on a page is answered with a page, whatever raised it (a feature, the router, the security
 * filter): the status kept, its problem told in the user's language, no stack trace. Scripts (htmx, the upload
 * script) still get the problem+json they can read, and so does every API client.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ErrorPages implements Ordered {

    /** The statuses that have a page of their own ({@code error.<status>.*} in the bundles); any other is shown as 500. */
    static final Set<Integer> SHOWN = Set.of(400, 401, 403, 404, 405, 409, 410, 413, 415, 422, 429, 500, 503);
    /** Statuses whose problem text is not worth showing: the page's own words say it all. */
    private static final Set<Integer> GENERIC = Set.of(401, 403, 404, 405, 500, 503);

    private final Pages pages;

    ErrorPages(Pages pages) {
        this.pages = pages;
    }

    /** Just inside {@code SecurityHeaders}, which must see the page's HTML type. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    MutableHttpResponse<?> render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getStatus().getCode() < 400 || !PageRequests.isPage(request) || PageRequests.isScripted(request)
                || !(response.getBody().orElse(null) instanceof Problem problem)) {
            return response;
        }
        int status = response.getStatus().getCode();
        int shown = SHOWN.contains(status) ? status : 500;
        Map<String, Object> model = new HashMap<>();
        model.put("status", shown);
        // a 403 is either a refusal or a form whose token is out of date: each has its own words
        model.put("reason", shown == 403 && request.getAttribute(Csrf.EXPIRED_FORM).isPresent() ? "form" : "text");
        model.put("detail", GENERIC.contains(shown) ? "" : problem.detail());
        MutableHttpResponse<String> page = pages.render(request, HttpStatus.valueOf(status), "error.ftlh", model);
        response.getHeaders().forEach((name, values) -> {
            if (!page.getHeaders().contains(name) && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> page.getHeaders().add(name, value));
            }
        });
        return page;
    }
}
