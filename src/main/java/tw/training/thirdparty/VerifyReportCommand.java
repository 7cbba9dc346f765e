package tw.training.thirdparty;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tw.training.badge.BadgeKey;
import tw.training.badge.Ed25519Keys;
import tw.training.startup.StartFailure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;

/**
 * {@code java -jar app.jar verify-report FILE [--key z6Mk…]}: checks a signed third-party report offline, without a
 * database or network: against the published key given with {@code --key}, or else the public key of the configured
 * {@code APP_BADGES_SIGNING_KEY}. Exit 0 valid (its hash printed), 1 not valid (why), 2 a setting or argument at fault.
 */
@Command(name = "verify-report", mixinStandardHelpOptions = true,
        description = "Checks a signed third-party report file against the published key (--key, or that of APP_BADGES_SIGNING_KEY). "
                + "Uses no database and no network.")
public class VerifyReportCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the report file (JSON)")
    Path file;

    @Option(names = "--key", description = "the service's published public key (Multikey, z6Mk…)")
    String key;

    @Override
    public Integer call() {
        PublicKey published;
        try {
            published = key != null ? Ed25519Keys.fromMultikey(key.strip()) : configuredKey();
        } catch (IllegalArgumentException wrong) {
            System.err.println("configuration: --key " + wrong.getMessage());
            return StartFailure.SETTING;
        }
        if (published == null) {
            System.err.println("configuration: give --key (the service's published key, z6Mk…) or set APP_BADGES_SIGNING_KEY");
            return StartFailure.SETTING;
        }
        byte[] read;
        try {
            read = Files.readAllBytes(file);
        } catch (IOException e) {
            System.err.println("cannot read " + file + ": " + e.getMessage());
            return StartFailure.SETTING;
        }
        SignedReport.Verdict verdict = SignedReport.verify(read, published);
        if (verdict instanceof SignedReport.Valid valid) {
            System.out.println("valid: " + valid.hash() + " signed by " + Ed25519Keys.multikey(published));
            return 0;
        }
        System.out.println("NOT valid: " + ((SignedReport.Invalid) verdict).why());
        return 1;
    }

    private static PublicKey configuredKey() {
        String configured = System.getenv("APP_BADGES_SIGNING_KEY");
        if (configured == null || configured.isBlank()) {
            return null;
        }
        return BadgeKey.fromSeed(BadgeKey.parseSeed(configured.strip())).getPublic();
    }
}
