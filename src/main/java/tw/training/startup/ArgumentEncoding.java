package tw.training.startup;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the process's locale can carry its arguments. Java decodes the command line, and encodes every file name it
 * opens, in the locale's encoding ({@code sun.jnu.encoding}): under {@code LC_ALL=C}, the default of many containers,
 * that is ASCII, a Chinese file name arrives as {@code ??.txt} and no such file can be opened however it is spelt.
 * Rather than answer "no such file", a command says so, and how to run it; the raw arguments are read from
 * {@code /proc/self/cmdline} (Linux), where they are still bytes.
 */
public final class ArgumentEncoding {

    private ArgumentEncoding() {
    }

    /** The refusal when an argument has characters the locale cannot carry; empty when all is well, or unknown. */
    public static Optional<String> refusal(int arguments) {
        Charset locale;
        try {
            locale = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        if (locale.equals(StandardCharsets.UTF_8) || arguments == 0 || !nonAscii(arguments)) {
            return Optional.empty();
        }
        return Optional.of("configuration: the locale's encoding (" + locale.name() + ") cannot carry the non-ASCII characters of the "
                + "arguments, nor open a file so named: run the command under a UTF-8 locale (LC_ALL=C.UTF-8 java -jar …), or give "
                + "import its document on standard input (import - < FILE)");
    }

    private static boolean nonAscii(int arguments) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | UnsupportedOperationException noProc) {
            return false;
        }
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < raw.length - 1; i++) {
            if (raw[i] == 0) {
                starts.add(i + 1);
            }
        }
        // the command's own arguments are the last ones: the JVM's options, the jar and the command's name come before
        for (int i = starts.get(Math.max(0, starts.size() - arguments)); i < raw.length; i++) {
            if (raw[i] < 0) {
                return true;
            }
        }
        return false;
    }
}
