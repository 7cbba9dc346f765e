package tw.training.address;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.problem.ConfigurationProblem;
import tw.training.startup.CheckedAtStart;

import java.net.URI;

/**
 * {@code APP_PUBLIC_URL}: the address people and verifiers reach this server at, printed on certificates and in their QR
 * codes. On the embedded default, when unset, it is {@code http://localhost:<PORT>}, so the printed link answers on
 * the machine the server runs on whatever port it was given; with any other database the server runs for others, and
 * a start without it stops naming it (a wrong address on a printed certificate cannot be taken back). Commands, which
 * print no certificates, do not require it.
 */
@Singleton
public class PublicUrl implements CheckedAtStart {

    private static final int DEFAULT_PORT = 8080;

    private final String value;

    PublicUrl(@Nullable @Value("${app.public-url:}") String configured, @Value("${datasources.default.url}") String databaseUrl,
              @Value("${micronaut.server.port:8080}") int port, Environment environment) {
        if (configured != null && !configured.isBlank()) {
            this.value = checked(configured.strip()).replaceAll("/+$", "");
        } else if (databaseUrl.startsWith("jdbc:h2:") || environment.getActiveNames().contains(Environment.CLI)) {
            this.value = "http://localhost:" + (port > 0 ? port : DEFAULT_PORT);
        } else {
            throw new ConfigurationProblem("APP_PUBLIC_URL", "is required with a database other than the embedded H2 file: certificates and"
                    + " their QR codes print it, e.g. https://training.example.org");
        }
    }

    /** The address, without a trailing slash. */
    public String value() {
        return value;
    }

    private static String checked(String url) {
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null && uri.getQuery() == null
                    && uri.getFragment() == null) {
                return url;
            }
        } catch (IllegalArgumentException malformed) {
            // named below
        }
        throw new ConfigurationProblem("APP_PUBLIC_URL", "must be an http:// or https:// address without query or fragment, not '" + url + "'");
    }
}
