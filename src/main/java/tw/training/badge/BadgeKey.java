package tw.training.badge;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.training.problem.ConfigurationProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * per start. Resolved when first needed, so a server that issues no credential needs no setting.
 */
@Singleton
public class BadgeKey {

    private static final Logger LOG = LoggerFactory.getLogger(BadgeKey.class);
    private static final String FILE = "badge-signing-key";

    private final String configured;
    private final Path dataDir;
    private final String databaseUrl;
    private volatile KeyPair pair;

    BadgeKey(@Nullable @Value("${app.badges.signing-key:}") String configured, @Value("${app.data-dir:./data}") String dataDir,
             @Value("${datasources.default.url}") String databaseUrl) {
        this.configured = configured == null ? "" : configured.strip();
        this.dataDir = Path.of(dataDir);
        this.databaseUrl = databaseUrl;
    }

    public KeyPair pair() {
        KeyPair current = pair;
        if (current == null) {
            synchronized (this) {
                current = pair;
                if (current == null) {
                    current = fromSeed(seed());
                    pair = current;
                }
            }
        }
        return current;
    }

    /** The public key as a Multikey value, {@code z6Mk…}. */
    public String multikey() {
        return Ed25519Keys.multikey(pair().getPublic());
    }

    private byte[] seed() {
        if (!configured.isEmpty()) {
            try {
                byte[] seed = HexFormat.of().parseHex(configured);
                if (seed.length == 32) {
                    return seed;
                }
            } catch (IllegalArgumentException ignored) {
                // named below
            }
            throw new ConfigurationProblem("APP_BADGES_SIGNING_KEY", "must be an Ed25519 seed: 64 hexadecimal digits");
        }
        if (databaseUrl.startsWith("jdbc:h2:file:")) {
            return keptIn(dataDir.resolve(FILE));
        }
        if (databaseUrl.startsWith("jdbc:h2:mem:")) {
            return generate();
        }
        throw new ConfigurationProblem("APP_BADGES_SIGNING_KEY", "is required (64 hexadecimal digits) with a database other than the"
                + " embedded H2 file: every instance must sign credentials with the same key");
    }

    private static byte[] keptIn(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                try {
                    Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                            HexFormat.of().formatHex(generate()));
                    LOG.info("Generated a credential signing key in {}", file);
                } catch (FileAlreadyExistsException raced) {
                    // another process wrote it first; use theirs
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, HexFormat.of().formatHex(generate()));
                }
            }
            return HexFormat.of().parseHex(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the credential signing key in " + file, e);
        }
    }

    private static byte[] generate() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return seed;
    }

    /**
     * The key pair of a seed. The JDK derives an Ed25519 public key only while generating a pair, from the 32 random bytes
     * it draws: it is handed the seed as those bytes.
     */
    static KeyPair fromSeed(byte[] seed) {
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
