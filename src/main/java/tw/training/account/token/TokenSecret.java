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
import java.util.stream.Stream;

/**
 * Where the signing secret comes from: {@code APP_JWT_SECRET} when set (required with a shared database,
 * since every instance must sign alike); else, on an H2 file database, a secret generated once into
 * {@code <data folder>/jwt-secret}; else (an in-memory database, as in tests) a fresh one per start.
 * <p>
 * {@code APP_JWT_ACCEPTED_SECRETS} (comma-separated) lists secrets that verify but never sign. A rolling rotation
 * needs them on both sides of the switch (README, "Rotating the signing secret"): first every instance accepts the new
 * secret, then every instance signs with it and accepts the old one, and only then is the old one dropped; an instance
 * that signed with the new secret before every other accepted it would have its tokens refused by them.
 * {@code APP_JWT_PREVIOUS_SECRETS}, this setting's first name, is read as well.
 */
@Singleton
class TokenSecret implements CheckedAtStart {

    private static final int MIN_BYTES = 32;
    private static final String FILE = "jwt-secret";

    private final String value;
    private final List<String> accepted;

    TokenSecret(@Nullable @Value("${app.jwt.secret:}") String configured,
                @Nullable @Value("${app.jwt.accepted-secrets:}") String accepted,
                @Nullable @Value("${app.jwt.previous-secrets:}") String previous,
                @Value("${app.data-dir:./data}") String dataDir,
                @Value("${datasources.default.url}") String databaseUrl) {
        this.value = resolve(configured, Path.of(dataDir), databaseUrl);
        this.accepted = Stream.concat(listed("APP_JWT_ACCEPTED_SECRETS", accepted), listed("APP_JWT_PREVIOUS_SECRETS", previous)).toList();
    }

    private static Stream<String> listed(String setting, @Nullable String secrets) {
        List<String> listed = secrets == null ? List.of() : Arrays.stream(secrets.split(",")).map(String::strip)
                .filter(secret -> !secret.isEmpty()).toList();
        for (String secret : listed) {
            if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
                throw new ConfigurationProblem(setting, "each secret must be at least " + MIN_BYTES + " bytes");
            }
        }
        return listed.stream();
    }

    /** The secret that signs new tokens (and verifies them). */
    String value() {
        return value;
    }

    /** Secrets that only verify: tokens signed on the other side of a rotation. */
    List<String> accepted() {
        return accepted;
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
