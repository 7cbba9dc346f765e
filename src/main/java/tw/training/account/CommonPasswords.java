package tw.training.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The passwords attackers try first (NIST SP 800-63B §5.1.1.2): those of leaked password sets shipped in
 * {@code passwords/common-passwords.txt.gz} (see the README beside it), compared without regard to case. The
 * list is read each time a password is set, which is rare, rather than held in memory all the time.
 */
final class CommonPasswords {

    private static final String LIST = "/passwords/common-passwords.txt.gz";

    private CommonPasswords() {
    }

    static boolean contains(String password) {
        String wanted = password.toLowerCase(Locale.ROOT);
        try (InputStream in = CommonPasswords.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("the list of common passwords " + LIST + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 64 * 1024), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals(wanted)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("the list of common passwords cannot be read", e);
        }
    }
}
