package tw.training.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * A browser going through an OpenID Connect sign-in by hand, one redirect at a time, with a cookie jar: so a test can
 * stop at any step, change what is sent (a state, a code) or send it to another instance.
 */
public final class SignInFlow {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

    public HttpResponse<String> get(String url) {
        return send(http, HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en").GET().build());
    }

    /** A form posted, url-encoded, with the jar's cookies. */
    public HttpResponse<String> post(String url, java.util.Map<String, String> fields) {
        String body = fields.entrySet().stream().map(field -> java.net.URLEncoder.encode(field.getKey(), java.nio.charset.StandardCharsets.UTF_8)
                + "=" + java.net.URLEncoder.encode(field.getValue(), java.nio.charset.StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        return send(http, HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A GET from another browser that carries exactly {@code cookies} (a header's value), as one who copied them would send it. */
    public static HttpResponse<String> getWithCookies(String url, String cookies) {
        HttpClient bare = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return send(bare, HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en").header("Cookie", cookies).GET().build());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location in " + response.statusCode()));
    }

    /** From the service's login route to the provider and back: the callback URL the provider redirected to. */
    public String callbackFrom(String loginUrl) {
        HttpResponse<String> toProvider = get(loginUrl);
        if (toProvider.statusCode() != 302 && toProvider.statusCode() != 303) {
            throw new AssertionError("the login route answered " + toProvider.statusCode() + ": " + toProvider.body());
        }
        HttpResponse<String> back = get(location(toProvider));
        if (back.statusCode() != 302) {
            throw new AssertionError("the provider answered " + back.statusCode() + ": " + back.body());
        }
        return location(back);
    }

    /**
     * {@code url} sent to {@code base} instead: the provider redirects to the redirect URI under the public address, which
     * in front of several instances is a proxy's; this is the proxy.
     */
    public static String at(String base, String url) {
        URI to = URI.create(url);
        return base.replaceAll("/$", "") + to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery());
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                .filter(value -> !value.isEmpty()).findFirst();
    }

    /** Forgets the cookies of the sign-in flow (as a different browser would not have them). */
    public void forget(String name) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> cookies.getCookieStore().getURIs().forEach(uri -> cookies.getCookieStore().remove(uri, c)));
    }
}
