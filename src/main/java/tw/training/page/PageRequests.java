package tw.training.page;

import io.micronaut.http.HttpRequest;

import java.util.List;

/**
 * Which requests are pages: everything a browser navigates to, outside the API and the machine endpoints. Only
 * pages read the session cookie, render errors as pages and send the unsigned-in to the sign-in form; the API keeps
 * its bearer tokens and problem+json.
 */
public final class PageRequests {

    private static final List<String> NOT_PAGES = List.of("/api/", "/login", "/ims/", "/swagger", "/webjars/", "/assets/", "/fonts/",
            "/health", "/metrics");

    private PageRequests() {
    }

    public static boolean isPage(HttpRequest<?> request) {
        String path = request.getPath();
        return NOT_PAGES.stream().noneMatch(path::startsWith);
    }

    /** A request htmx or the page's own script made: it wants a fragment or a problem, never a whole page. */
    public static boolean isScripted(HttpRequest<?> request) {
        return request.getHeaders().contains("HX-Request") || "fetch".equals(request.getHeaders().get("X-Requested-With"));
    }
}
