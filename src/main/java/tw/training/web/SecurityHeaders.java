package tw.training.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Headers every answer carries so a browser does not second-guess it: no type sniffing anywhere; on pages, a
 * Content-Security-Policy that allows only this server's own styles, images and (for Swagger UI, whose page
 * starts with an inline script) scripts, and no framing by other sites; and once a request came over HTTPS (to this
 * server or to a trusted proxy), {@code Strict-Transport-Security}, so the browser never again tries plain HTTP.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeaders implements Ordered {

    /** A year, as browsers' preload lists ask; subdomains are the operator's to decide, so not included. */
    static final String HSTS = "max-age=31536000";

    private final TrustedProxies proxies;

    SecurityHeaders(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    /**
     * Server-rendered pages: scripts only from here (htmx, the upload script; never inline, never eval), styles inline
     * or from here, images inline (QR codes, charts) or from here, requests and previews (evidence files) only here.
     */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; frame-src 'self'; media-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";
    /** Swagger UI loads its scripts from here and starts them with an inline script; it fetches the API document. */
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** Outside every other filter, so refusals made early (401 by the security filter) carry the headers too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    static final MediaType YAML = MediaType.of("application/yaml");

    @ResponseFilter
    void secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        if (proxies.cameOverHttps(request)) {
            response.getHeaders().set("Strict-Transport-Security", HSTS);
        }
        if (request.getPath().startsWith("/swagger/") && (request.getPath().endsWith(".yml") || request.getPath().endsWith(".yaml"))) {
            // the static files know no type for YAML; the API document is one
            response.contentType(YAML);
        }
        // static files get their type only when written, after this filter: Swagger UI is known by its path
        boolean swagger = request.getPath().startsWith("/swagger-ui/") && (request.getPath().endsWith(".html") || request.getPath().endsWith("/"));
        boolean page = swagger || response.getContentType().map(type -> type.matches(MediaType.TEXT_HTML_TYPE)).orElse(false);
        if (page) {
            response.getHeaders().set("Content-Security-Policy", swagger ? SWAGGER_POLICY : PAGE_POLICY);
            response.getHeaders().set("X-Frame-Options", "DENY");
            response.getHeaders().set("Referrer-Policy", "same-origin");
        }
    }
}
