package tw.training.web;

import jakarta.inject.Singleton;
import tw.training.startup.CheckedAtStart;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.DefaultHttpClientAddressResolver;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.http.server.util.ProxyHeaderParser;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

/**
 * Who sent a request and whether it came over HTTPS. Behind a TLS-terminating proxy the connection is the proxy's,
 * in plain HTTP: only the proxy's {@code X-Forwarded-For} / {@code X-Forwarded-Proto} (or {@code Forwarded}) tell.
 * Those headers are believed only from the addresses in {@code app.trusted-proxies} ({@code APP_TRUSTED_PROXIES}: IP
 * addresses or CIDR ranges, comma-separated); from anyone else they are text a client can write, and believing them
 * would let one client pose as a thousand to the sign-in throttle. Micronaut's own resolver believes them from anyone,
 * so this one replaces it for everything that asks (the throttle, the audit, the pages).
 * <p>
 * The client is the rightmost forwarded address that is not itself a trusted proxy (each proxy appends the address it
 * saw; what a client wrote stands to the left of it).
 */
@Singleton
@Replaces(DefaultHttpClientAddressResolver.class)
public class TrustedProxies implements HttpClientAddressResolver, CheckedAtStart {

    private final List<AddressRange> trusted;
    private final boolean forceSecure;

    TrustedProxies(@Value("${app.trusted-proxies:}") String trusted, @Value("${app.cookies.force-secure:false}") boolean forceSecure) {
        this.trusted = Arrays.stream(trusted.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(AddressRange::parse).toList();
        this.forceSecure = forceSecure;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public @Nullable String resolve(HttpRequest request) {
        String connection = connectionAddress((HttpRequest<?>) request);
        if (connection == null || !isTrusted(connection)) {
            return connection;
        }
        List<String> forwarded = new ProxyHeaderParser((HttpRequest<?>) request).getFor();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String address = bare(forwarded.get(i));
            if (!isTrusted(address) || i == 0) {
                return address;
            }
        }
        return connection;
    }

    /**
     * Whether the request reached the proxy (or this server) over HTTPS, so that cookies are {@code Secure} and
     * {@code Strict-Transport-Security} is sent; always when {@code app.cookies.force-secure} says so.
     */
    public boolean cameOverHttps(HttpRequest<?> request) {
        if (forceSecure || request.isSecure()) {
            return true;
        }
        String connection = connectionAddress(request);
        return connection != null && isTrusted(connection) && "https".equalsIgnoreCase(new ProxyHeaderParser(request).getScheme());
    }

    private boolean isTrusted(String address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    private static @Nullable String connectionAddress(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return null;
        }
        InetAddress address = remote.getAddress();
        return address == null ? remote.getHostString() : address.getHostAddress();
    }

    /** {@code "[2001:db8::1]:4711"} or {@code 192.0.2.60:80} as the address alone. */
    private static String bare(String forwarded) {
        String value = forwarded.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end > 0 ? value.substring(1, end) : value;
        }
        int colon = value.indexOf(':');
        return colon > 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
    }
}
