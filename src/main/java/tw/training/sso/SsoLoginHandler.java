package tw.training.sso;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import jakarta.inject.Singleton;
import tw.training.account.PageSessions;
import tw.training.page.NextPath;
import tw.training.page.Pages;
import tw.training.page.SessionCookie;
import tw.training.web.TrustedProxies;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the provider's answer ends: a user signed in gets the same page session as a password sign-in (the same cookie,
 * CSRF token, idle and absolute limits); a user who must confirm goes to the link page; anyone else sees why not, in
 * their language, and whom to ask. The protocol's short-lived cookies (state, nonce, PKCE verifier) are cleared either
 * way: a response cannot be replayed from this browser.
 */
@Singleton
class SsoLoginHandler implements RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> {

    /** The page to return to after signing in, kept while the person is at the provider. */
    static final String NEXT_COOKIE = "sso_next";
    /** Micronaut's cookies of one sign-in: its state, nonce and PKCE verifier. */
    private static final List<String> FLOW_COOKIES = List.of("OAUTH2_STATE", "OPENID_NONCE", "OAUTH2_PKCE", NEXT_COOKIE);

    private final PageSessions sessions;
    private final SsoProviders providers;
    private final Pages pages;
    private final TrustedProxies proxies;

    SsoLoginHandler(PageSessions sessions, SsoProviders providers, Pages pages, TrustedProxies proxies) {
        this.sessions = sessions;
        this.providers = providers;
        this.pages = pages;
        this.proxies = proxies;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        long userId = ((Number) authentication.getAttributes().get(IdentityMapper.USER_ID)).longValue();
        String provider = String.valueOf(authentication.getAttributes().get(IdentityMapper.PROVIDER));
        Optional<String> cookie = sessions.openFor(userId, provider);
        if (cookie.isEmpty()) {
            return refusal(request, Refusal.DISABLED, provider);
        }
        boolean https = proxies.cameOverHttps(request);
        String next = NextPath.safe(SessionCookie.read(request, NEXT_COOKIE).orElse(null));
        return cleared(request, Pages.redirect(next)
                .cookie(SessionCookie.of(https, SessionCookie.SESSION, cookie.get(), PageSessions.LIFETIME))
                .cookie(SessionCookie.cleared(https, SessionCookie.CSRF)));
    }

    @Override
    public MutableHttpResponse<?> loginRefresh(Authentication authentication, String refreshToken, HttpRequest<?> request) {
        // no refresh tokens are issued to pages
        return HttpResponse.notFound();
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse response, HttpRequest<?> request) {
        if (response instanceof SsoRefused refused) {
            if (refused.refusal() == Refusal.CONFIRM && refused.linkToken() != null) {
                return cleared(request, Pages.redirect("/signin/link/" + refused.linkToken()));
            }
            return refusal(request, refused.refusal(), refused.provider());
        }
        return refusal(request, Refusal.FAILED, "");
    }

    /** The page that says why a sign-in through {@code provider} signed nobody in. */
    MutableHttpResponse<?> refusal(HttpRequest<?> request, Refusal reason, String provider) {
        Map<String, Object> model = new HashMap<>();
        model.put("reason", reason.name());
        Optional<SsoProvider> configured = providers.named(provider);
        model.put("provider", configured.map(p -> p.label(Pages.messages(request).language().locale)).orElse(provider));
        model.put("contact", configured.map(SsoProvider::contact).orElse(""));
        return cleared(request, pages.render(request, HttpStatus.FORBIDDEN, "sso-refused.ftlh", model));
    }

    private MutableHttpResponse<?> cleared(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean https = proxies.cameOverHttps(request);
        FLOW_COOKIES.forEach(name -> response.cookie(SessionCookie.cleared(https, name)));
        return response;
    }
}
