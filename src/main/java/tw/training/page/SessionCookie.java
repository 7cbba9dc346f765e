package tw.training.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import tw.training.web.TrustedProxies;

import java.time.Duration;
import java.util.Optional;

/**
 * The cookies of the pages: the session (HttpOnly, SameSite=Lax so that a link from elsewhere still opens a signed-in
 * page, while a form posted from elsewhere carries no session), the anonymous CSRF token of the sign-in form, and
 * the language the user chose. {@code Secure} whenever the request came over HTTPS, to this server or to a trusted proxy
 * ({@link TrustedProxies#cameOverHttps}).
 */
public final class SessionCookie {

    public static final String SESSION = "session";
    public static final String CSRF = "csrf";
    public static final String LANGUAGE = "lang";

    private SessionCookie() {
    }

    public static Optional<String> read(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(value -> !value.isBlank());
    }

    public static Cookie of(boolean https, String name, String value, Duration maxAge) {
        return Cookie.of(name, value).path("/").httpOnly(true).sameSite(SameSite.Lax).secure(https).maxAge(maxAge);
    }

    public static Cookie cleared(boolean https, String name) {
        return of(https, name, "", Duration.ZERO);
    }
}
