package tw.training.page;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where to go after signing in: a path of this site only. Anything that could lead elsewhere (a scheme, a host,
 * {@code //host}, a backslash browsers read as a slash, control characters) becomes the home page: no open redirect.
 * So does anything that is no URI at all ({@code / /evil.example}): the answer's {@code Location} must be one.
 */
public final class NextPath {

    static final String HOME = "/home";

    private NextPath() {
    }

    public static String safe(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || !next.startsWith("/")) {
            return HOME;
        }
        if (next.startsWith("//") || next.contains("\\") || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || next.startsWith("/signin") || next.startsWith("/signout")) {
            return HOME;
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : HOME;
        } catch (URISyntaxException notAUri) {
            return HOME;
        }
    }
}
