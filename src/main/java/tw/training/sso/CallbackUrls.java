package tw.training.sso;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.http.uri.UriTemplate;
import io.micronaut.security.oauth2.configuration.OauthConfiguration;
import io.micronaut.security.oauth2.url.DefaultOauthRouteUrlBuilder;
import io.micronaut.security.oauth2.url.OauthRouteUrlBuilder;
import jakarta.inject.Singleton;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;

/**
 * The addresses of the sign-in routes, in particular the redirect URI registered at each provider: under
 * {@code APP_PUBLIC_URL} when it is set, so that every instance behind a proxy sends the one address the provider knows
 * (whatever Host header reached it); from the request otherwise, as Micronaut does.
 */
@Singleton
@Replaces(DefaultOauthRouteUrlBuilder.class)
class CallbackUrls implements OauthRouteUrlBuilder<HttpRequest<?>> {

    private final HttpHostResolver hosts;
    private final String loginUri;
    private final String callbackUri;
    private final @Nullable String publicUrl;

    CallbackUrls(HttpHostResolver hosts, OauthConfiguration oauth, @Nullable @Value("${app.public-url:}") String publicUrl) {
        this.hosts = hosts;
        this.loginUri = oauth.getLoginUri();
        this.callbackUri = oauth.getCallbackUri();
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
    }

    @Override
    public URL buildLoginUrl(@Nullable HttpRequest<?> originating, String providerName) {
        return buildUrl(originating, path(loginUri, providerName));
    }

    @Override
    public URL buildCallbackUrl(@Nullable HttpRequest<?> originating, String providerName) {
        return buildUrl(originating, path(callbackUri, providerName));
    }

    @Override
    public URI buildLoginUri(@Nullable String providerName) {
        return URI.create(path(loginUri, providerName));
    }

    @Override
    public URI buildCallbackUri(@Nullable String providerName) {
        return URI.create(path(callbackUri, providerName));
    }

    @Override
    public URL buildUrl(@Nullable HttpRequest<?> current, String path) {
        try {
            if (path.startsWith("http")) {
                return new URL(path);
            }
            return UriBuilder.of(publicUrl != null ? publicUrl : hosts.resolve(current)).path(path).build().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("not an address: " + path, e);
        }
    }

    private static String path(String template, @Nullable String provider) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("provider", provider);
        return UriTemplate.of(template).expand(parameters);
    }
}
