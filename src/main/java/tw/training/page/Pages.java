package tw.training.page;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import tw.training.secret.CookieTokens;
import tw.training.web.Templates;
import tw.training.web.TrustedProxies;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a page of {@code templates/pages} in the request's language, with what the shared layout needs: the
 * texts ({@code msg}), the signed-in user, the CSRF token of its forms and the address of the page itself.
 * Pages are personal: never stored by a cache.
 */
@Singleton
public final class Pages {

    public static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final Templates templates;
    private final TrustedProxies proxies;
    private final java.util.List<LayoutFigures> figures;

    Pages(Templates templates, TrustedProxies proxies, java.util.List<LayoutFigures> figures) {
        this.templates = templates;
        this.proxies = proxies;
        this.figures = figures;
    }

    /** The signed-in user as the layout shows them. */
    public record User(String username, String displayName, java.util.List<String> roles) {
    }

    public MutableHttpResponse<String> render(HttpRequest<?> request, String template, Map<String, Object> model) {
        return render(request, HttpStatus.OK, template, model);
    }

    public MutableHttpResponse<String> render(HttpRequest<?> request, HttpStatus status, String template, Map<String, Object> model) {
        return render(request, status, template, model, messages(request));
    }

    /**
     * A page for someone whose language is known beforehand (the person a third-party report is asked of): theirs,
     * unless they chose the other with the layout's switch.
     */
    public MutableHttpResponse<String> renderFor(HttpRequest<?> request, HttpStatus status, String template, Map<String, Object> model,
                                                 Language theirs) {
        return render(request, status, template, model, new Messages(Language.chosen(request).orElse(theirs)));
    }

    private MutableHttpResponse<String> render(HttpRequest<?> request, HttpStatus status, String template, Map<String, Object> model,
                                               Messages messages) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("msg", messages);
        all.put("say", messages.sayer());
        all.put("lang", messages.language().htmlLang);
        all.put("language", messages.language().tag);
        user(request).ifPresent(user -> all.put("user", user));
        userId(request).ifPresent(id -> all.put("unread", figures.stream().mapToLong(figure -> figure.unread(id)).sum()));
        Optional<String> csrf = Csrf.token(request);
        String token = csrf.orElseGet(CookieTokens::fresh);
        all.put("csrf", token);
        all.put("here", request.getUri().toString());
        MutableHttpResponse<String> response = HttpResponse.<String>status(status).body(templates.render("pages/" + template, all))
                .contentType(HTML).header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (csrf.isEmpty()) {
            // an anonymous form (sign-in) is checked against a cookie of its own
            response.cookie(SessionCookie.of(proxies.cameOverHttps(request), SessionCookie.CSRF, token, Duration.ofHours(12)));
        }
        return response;
    }

    /** After a form succeeded: the browser goes to {@code path} with a GET (POST, redirect, GET). */
    public static MutableHttpResponse<?> redirect(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }

    public static Messages messages(HttpRequest<?> request) {
        return new Messages(Language.of(request));
    }

    private static Optional<Long> userId(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).map(authentication -> authentication.getAttributes().get("uid"))
                .filter(Number.class::isInstance).map(id -> ((Number) id).longValue());
    }

    static Optional<User> user(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).map(authentication -> new User(authentication.getName(),
                String.valueOf(authentication.getAttributes().getOrDefault("name", authentication.getName())), java.util.List.copyOf(authentication.getRoles())));
    }
}
