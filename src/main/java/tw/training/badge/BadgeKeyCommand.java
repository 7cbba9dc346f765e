package tw.training.badge;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tw.training.problem.ConfigurationProblem;
import tw.training.startup.StartFailure;

import java.util.HexFormat;
import java.util.concurrent.Callable;

/**
 * {@code java -jar app.jar badge-key [--new]}: what an operator needs to rotate the credential signing key (README,
 * "Rotating the credential signing key"), without a database: the public key (Multikey) of the configured
 * {@code APP_BADGES_SIGNING_KEY}, or with {@code --new} a fresh signing key and its public key.
 */
@Command(name = "badge-key", mixinStandardHelpOptions = true,
        description = "Prints the public key (Multikey) of APP_BADGES_SIGNING_KEY, or with --new a new signing key and its public key. "
                + "Uses no database.")
public class BadgeKeyCommand implements Callable<Integer> {

    @Option(names = "--new", description = "make a new signing key (keep it secret) and print it with its public key")
    boolean fresh;

    @Override
    public Integer call() {
        if (fresh) {
            byte[] seed = BadgeKey.generate();
            System.out.println("APP_BADGES_SIGNING_KEY=" + HexFormat.of().formatHex(seed));
            System.out.println("public key: " + Ed25519Keys.multikey(BadgeKey.fromSeed(seed).getPublic()));
            return 0;
        }
        String configured = System.getenv("APP_BADGES_SIGNING_KEY");
        if (configured == null || configured.isBlank()) {
            System.err.println("configuration: APP_BADGES_SIGNING_KEY is not set: set it to print its public key, or give --new"
                    + " (the embedded default keeps its key in ./data/badge-signing-key)");
            return StartFailure.SETTING;
        }
        try {
            System.out.println("public key: " + Ed25519Keys.multikey(BadgeKey.fromSeed(BadgeKey.parseSeed(configured.strip())).getPublic()));
            return 0;
        } catch (ConfigurationProblem wrong) {
            System.err.println("configuration: " + wrong.getMessage());
            return StartFailure.SETTING;
        }
    }
}
