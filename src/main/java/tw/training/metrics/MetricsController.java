package tw.training.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.MediaType;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format. Scrapers cannot sign in, so the route is not
 * behind the user sign-in but behind a token of its own: only with {@code APP_METRICS_TOKEN} set, and then only with
 * {@code Authorization: Bearer <token>}, does it answer; otherwise it is 404, as if absent. The meters name every route
 * (hidden ones too), exception classes and the pool's sizes, which are nobody's business but the operator's.
 */
@Controller
@Hidden
class MetricsController {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final String token;

    MetricsController(PrometheusMeterRegistry registry, @Nullable @Value("${app.metrics.token:}") String token) {
        this.registry = registry;
        this.token = token == null || token.isBlank() ? null : token;
    }

    @Get("/metrics")
    @Produces({MediaType.TEXT_PLAIN, "text/plain; version=0.0.4"})
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> scrape(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        if (token == null || (authorization == null || !MessageDigest.isEqual(("Bearer " + token).getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8)))) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(registry.scrape()).contentType(PROMETHEUS_TEXT);
    }
}
