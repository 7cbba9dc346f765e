package tw.training.badge;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import tw.training.problem.ConfigurationProblem;
import tw.training.secret.KeptSecret;
import tw.training.startup.CheckedAtStart;

import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;

/**
 * The Ed25519 key credentials are signed with, kept as the token secret is: {@code APP_BADGES_SIGNING_KEY} (its 32-byte
 * seed in hex) when set, which a shared database requires so every instance signs alike; else, on the H2 file database,
 * a seed generated once into {@code <data folder>/badge-signing-key}; else (an in-memory database, as in tests) a fresh one
 * per start. Made at the start ({@link CheckedAtStart}), so a server that could not sign a credential does not start rather than failing the
 * first learner who asks for one.
 */
@Singleton
public class BadgeKey implements CheckedAtStart {

    private static final String FILE = "badge-signing-key";

    private final KeyPair pair;

    BadgeKey(@Nullable @Value("${app.badges.signing-key:}") String configured, @Value("${app.data-dir:./data}") String dataDir,
             @Value("${datasources.default.url}") String databaseUrl) {
        this.pair = fromSeed(seed(configured == null ? "" : configured.strip(), Path.of(dataDir), databaseUrl));
    }

    public KeyPair pair() {
        return pair;
    }

    /** The public key as a Multikey value, {@code z6Mk…}. */
    public String multikey() {
        return Ed25519Keys.multikey(pair().getPublic());
    }

    private static byte[] seed(String configured, Path dataDir, String databaseUrl) {
        String hex = configured.isEmpty()
                ? new KeptSecret("APP_BADGES_SIGNING_KEY", "64 hexadecimal digits", FILE, () -> HexFormat.of().formatHex(generate()))
                        .unconfigured(dataDir, databaseUrl)
                : configured;
        return parseSeed(hex);
    }

    /** A configured seed: 64 hexadecimal digits. */
    public static byte[] parseSeed(String hex) {
        try {
            byte[] seed = HexFormat.of().parseHex(hex);
            if (seed.length == 32) {
                return seed;
            }
        } catch (IllegalArgumentException ignored) {
            // named below
        }
        throw new ConfigurationProblem("APP_BADGES_SIGNING_KEY", "must be an Ed25519 seed: 64 hexadecimal digits");
    }

    public static byte[] generate() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return seed;
    }

    /**
     * The key pair of a seed. The JDK derives an Ed25519 public key only while generating a pair, from the 32 random bytes
     * it draws: it is handed the seed as those bytes.
     */
    public static KeyPair fromSeed(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, bytes.length);
                }
            });
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime since 15 has Ed25519", e);
        }
    }
}
