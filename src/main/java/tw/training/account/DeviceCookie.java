package tw.training.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import tw.training.account.throttle.KnownDevices;

/**
 * The cookie a device gets for signing in with the right password ({@link KnownDevices}): sent back by the sign-in
 * page's form and by clients of {@code /login} that keep cookies, never readable by scripts, never sent from another
 * site's pages.
 */
public final class DeviceCookie {

    public static final String NAME = "device";

    private DeviceCookie() {
    }

    public static @Nullable String read(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).orElse(null);
    }

    public static Cookie of(String value, boolean https) {
        return Cookie.of(NAME, value).path("/").httpOnly(true).sameSite(SameSite.Strict).secure(https).maxAge(KnownDevices.LIFETIME);
    }
}
