package tw.training.sso;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.DeviceCookie;
import tw.training.account.PageSessions;
import tw.training.page.Csrf;
import tw.training.page.NextPath;
import tw.training.page.Pages;
import tw.training.page.SessionCookie;
import tw.training.problem.NotFoundException;
import tw.training.web.PlainText;
import tw.training.web.TrustedProxies;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pages of signing in through a provider: its start (which remembers where to return), the confirmation that links
 * an identity to the local account with the same verified address, and the page after signing out that offers to sign
 * out at the provider too.
 */
@Hidden
@PlainText
@Controller
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Secured(SecurityRule.IS_ANONYMOUS)
class SsoPages {

    private final SsoProviders providers;
    private final ExternalSignIn signIn;
    private final PageSessions sessions;
    private final Pages pages;
    private final TrustedProxies proxies;
    private final CallbackUrls urls;

    SsoPages(SsoProviders providers, ExternalSignIn signIn, PageSessions sessions, Pages pages, TrustedProxies proxies, CallbackUrls urls) {
        this.providers = providers;
        this.signIn = signIn;
        this.sessions = sessions;
        this.pages = pages;
        this.proxies = proxies;
        this.urls = urls;
    }

    @Serdeable
    record ConfirmForm(@Nullable String password, @Nullable String _csrf) {
    }

    /** A provider's button: remembers the page to return to, then starts Micronaut's authorization request. */
    @Get("/signin/sso/{provider}{?next}")
    MutableHttpResponse<?> start(HttpRequest<?> request, @PathVariable String provider, @QueryValue @Nullable String next) {
        if (providers.available().stream().noneMatch(p -> p.name().equals(provider))) {
            throw new NotFoundException("sso.provider-unknown", provider);
        }
        return Pages.redirect(urls.buildLoginUri(provider).toString())
                .cookie(SessionCookie.of(proxies.cameOverHttps(request), SsoLoginHandler.NEXT_COOKIE, NextPath.safe(next), Duration.ofMinutes(10)));
    }

    /** The confirmation page: opening it spends nothing. */
    @Get("/signin/link/{token}")
    HttpResponse<String> confirmForm(HttpRequest<?> request, @PathVariable String token) {
        return signIn.pending(token).map(link -> confirmPage(request, HttpStatus.OK, token, link, null))
                .orElseGet(() -> linkGone(request));
    }

    /**
     * The user's password, checked as a sign-in (the same throttling, the same answer for a wrong password); right, it
     * links the identity and the person is signed in.
     */
    @Post("/signin/link/{token}")
    MutableHttpResponse<?> confirm(HttpRequest<?> request, @PathVariable String token, @Body ConfirmForm form) {
        Csrf.require(request, form._csrf());
        Optional<ExternalSignIn.PendingLink> pending = signIn.pending(token);
        if (pending.isEmpty()) {
            return linkGone(request);
        }
        ExternalSignIn.PendingLink link = pending.get();
        String source = proxies.resolve(request);
        PageSessions.Opening opening = sessions.open(link.username(), form.password(), source == null ? "unknown" : source, DeviceCookie.read(request));
        if (opening instanceof PageSessions.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            return confirmPage(request, HttpStatus.TOO_MANY_REQUESTS, token, link, Pages.messages(request).get("signin.throttled", seconds))
                    .header("Retry-After", String.valueOf(seconds));
        }
        if (!(opening instanceof PageSessions.Opened opened)) {
            return confirmPage(request, HttpStatus.UNAUTHORIZED, token, link, Pages.messages(request).get("sso.link.wrong-password"));
        }
        if (!signIn.confirm(token, link.userId())) {
            // spent by a confirmation a moment earlier, or expired while typing: the session just opened is closed again
            sessions.close(opened.cookie());
            return linkGone(request);
        }
        sessions.openedThrough(opened.cookie(), link.provider());
        boolean https = proxies.cameOverHttps(request);
        MutableHttpResponse<?> home = Pages.redirect("/home?linked")
                .cookie(SessionCookie.of(https, SessionCookie.SESSION, opened.cookie(), PageSessions.LIFETIME))
                .cookie(SessionCookie.cleared(https, SessionCookie.CSRF));
        opened.device().ifPresent(device -> home.cookie(DeviceCookie.of(device, https)));
        return home;
    }

    /** After signing out of a session opened through a provider: signed out here, and a way to sign out there too. */
    @Get("/signedout{?provider}")
    HttpResponse<String> signedOut(HttpRequest<?> request, @QueryValue @Nullable String provider) {
        Map<String, Object> model = new HashMap<>();
        Optional<SsoProvider> configured = provider == null ? Optional.empty() : providers.named(provider);
        model.put("provider", configured.map(p -> p.label(Pages.messages(request).language().locale)).orElse(""));
        model.put("endSession", configured.flatMap(p -> providers.endSessionEndpoint(p.name()).map(endpoint -> {
            UriBuilder url = UriBuilder.of(endpoint).queryParam("post_logout_redirect_uri", urls.buildUrl(request, "/").toString());
            providers.clientId(p.name()).ifPresent(clientId -> url.queryParam("client_id", clientId));
            return url.toString();
        })).orElse(""));
        return pages.render(request, "signed-out.ftlh", model);
    }

    private MutableHttpResponse<String> confirmPage(HttpRequest<?> request, HttpStatus status, String token, ExternalSignIn.PendingLink link,
                                                    @Nullable String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put("username", link.username());
        model.put("email", link.email());
        model.put("provider", providers.named(link.provider()).map(p -> p.label(Pages.messages(request).language().locale)).orElse(link.provider()));
        if (error != null) {
            model.put("error", error);
        }
        return pages.render(request, status, "sso-link.ftlh", model);
    }

    private MutableHttpResponse<String> linkGone(HttpRequest<?> request) {
        return pages.render(request, HttpStatus.GONE, "sso-link-gone.ftlh", Map.of());
    }
}
