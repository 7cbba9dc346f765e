package tw.training.account.token;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.problem.ConfigurationProblem;
import tw.training.secret.KeptSecret;
import tw.training.startup.CheckedAtStart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Where the signing secret comes from: {@code APP_JWT_SECRET} when set (required with a shared database,
 * since every instance must sign alike); else, on an H2 file database, a secret generated once into
 * {@code <data folder>/jwt-secret}; else (an in-memory database, as in tests) a fresh one per start.
 * <p>
 * {@code APP_JWT_PREVIOUS_SECRETS} (comma-separated) lists secrets that no longer sign but still verify, so an
 * operator rotates without logging anyone out: add the new secret as {@code APP_JWT_SECRET} and the old one
 * here on every instance, and drop the old one once its tokens have expired (an hour).
 */
@Singleton
class TokenSecret implements CheckedAtStart {

    private static final int MIN_BYTES = 32;
    private static final String FILE = "jwt-secret";

    private final String value;
    private final List<String> previous;

    TokenSecret(@Nullable @Value("${app.jwt.secret:}") String configured,
                @Nullable @Value("${app.jwt.previous-secrets:}") String previous,
                @Value("${app.data-dir:./data}") String dataDir,
                @Value("${datasources.default.url}") String databaseUrl) {
        this.value = resolve(configured, Path.of(dataDir), databaseUrl);
        this.previous = previous == null ? List.of() : Arrays.stream(previous.split(",")).map(String::strip)
                .filter(secret -> !secret.isEmpty()).toList();
        for (String secret : this.previous) {
            if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
                throw new ConfigurationProblem("APP_JWT_PREVIOUS_SECRETS", "each secret must be at least " + MIN_BYTES + " bytes");
            }
        }
    }

    /** The secret that signs new tokens (and verifies them). */
    String value() {
        return value;
    }

    /** Secrets that only verify: tokens signed before a rotation. */
    List<String> previous() {
        return previous;
    }

    private static String resolve(@Nullable String configured, Path dataDir, String databaseUrl) {
        if (configured != null && !configured.isBlank()) {
            if (configured.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
                throw new ConfigurationProblem("APP_JWT_SECRET", "must be at least " + MIN_BYTES + " bytes for HS256");
            }
            return configured;
        }
        return new KeptSecret("APP_JWT_SECRET", "at least " + MIN_BYTES + " bytes", FILE, TokenSecret::generate).unconfigured(dataDir, databaseUrl);
    }

    private static String generate() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
