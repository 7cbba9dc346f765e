package tw.training.database;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tw.training.testing.Parallel;
import tw.training.testing.TestFolders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema snapshot a new embedded database starts from is what this build's migrations make, Flyway accepts it as
 * migrated, and it is used only where the result is the same as migrating, once even when two starts race.
 */
class EmbeddedSnapshotTest {

    @Test
    void theSnapshotIsTheSchemaTheMigrationsMake() throws Exception {
        Path folder = TestFolders.fresh("snapshot");
        Path snapshot = folder.resolve("from-snapshot.mv.db");
        try (InputStream in = snapshot()) {
            Files.copy(in, snapshot);
        }
        String fromSnapshot = url(folder.resolve("from-snapshot"));
        String migrated = url(folder.resolve("migrated"));
        flyway(migrated).migrate();

        assertEquals(schema(migrated), schema(fromSnapshot));
        assertTrue(flyway(fromSnapshot).validateWithResult().validationSuccessful, "Flyway validates the snapshot's history");
        assertEquals(0, flyway(fromSnapshot).info().pending().length);
        assertEquals(flyway(migrated).info().applied().length, flyway(fromSnapshot).info().applied().length);
        assertTrue(flyway(fromSnapshot).info().applied().length >= 37);
    }

    @Test
    void usedOnlyWithTheEmbeddedDefaultsSettingsAndAccount() {
        assertEquals(Optional.of(Path.of("./data/competency.mv.db")), EmbeddedSnapshot.databaseFile(applicationYmlUrl(), "sa", ""));
        assertEquals(Optional.of(Path.of("/srv/x/db.mv.db")), EmbeddedSnapshot.databaseFile("jdbc:h2:file:/srv/x/db" + EmbeddedSnapshot.OPTIONS, "SA", null));
        // another account, other settings, another kind of database, the home folder H2 expands itself: migrated as before
        assertEquals(Optional.empty(), EmbeddedSnapshot.databaseFile(applicationYmlUrl(), "owner", ""));
        assertEquals(Optional.empty(), EmbeddedSnapshot.databaseFile(applicationYmlUrl(), "sa", "secret"));
        assertEquals(Optional.empty(), EmbeddedSnapshot.databaseFile("jdbc:h2:file:./data/competency;MODE=PostgreSQL", "sa", ""));
        assertEquals(Optional.empty(), EmbeddedSnapshot.databaseFile("jdbc:h2:mem:x" + EmbeddedSnapshot.OPTIONS, "sa", ""));
        assertEquals(Optional.empty(), EmbeddedSnapshot.databaseFile("jdbc:h2:file:~/competency" + EmbeddedSnapshot.OPTIONS, "sa", ""));
        assertEquals(Optional.empty(), EmbeddedSnapshot.databaseFile("jdbc:postgresql://db/competency", "sa", ""));
    }

    @Test
    void anExistingDatabaseIsNeverReplaced() throws Exception {
        Path database = TestFolders.fresh("snapshot").resolve("data").resolve("competency.mv.db");
        Files.createDirectories(database.getParent());
        Files.writeString(database, "someone's database");
        assertFalse(EmbeddedSnapshot.place(database));
        assertEquals("someone's database", Files.readString(database));
    }

    @Test
    void twoFirstStartsAtOncePlaceOneWholeDatabase() throws Exception {
        Path folder = TestFolders.fresh("snapshot").resolve("data");
        Path database = folder.resolve("competency.mv.db");
        List<Boolean> placed = Parallel.run(8, client -> EmbeddedSnapshot.place(database));
        assertEquals(1, placed.stream().filter(Boolean::booleanValue).count(), placed.toString());
        try (InputStream in = snapshot()) {
            assertArrayEquals(in.readAllBytes(), Files.readAllBytes(database));
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(database), files.toList(), "no temporary copy is left beside it");
        }
    }

    private static InputStream snapshot() {
        return EmbeddedSnapshot.class.getClassLoader().getResourceAsStream(EmbeddedSnapshot.RESOURCE);
    }

    private static String url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + EmbeddedSnapshot.OPTIONS.replace(";DB_CLOSE_ON_EXIT=FALSE", "");
    }

    private static Flyway flyway(String url) {
        return Flyway.configure().dataSource(url, EmbeddedSnapshot.USER, "").locations(EmbeddedSnapshot.MIGRATIONS).load();
    }

    /** Every table, column, constraint, index, sequence and setting, as H2 scripts them (rows left out). */
    private static List<String> schema(String url) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, EmbeddedSnapshot.USER, "");
             Statement statement = connection.createStatement();
             ResultSet script = statement.executeQuery("SCRIPT NODATA")) {
            while (script.next()) {
                // the account's password salt is drawn for each new database; the account (sa, no password) is the same
                if (!script.getString(1).startsWith("CREATE USER IF NOT EXISTS \"SA\" SALT")) {
                    statements.add(script.getString(1));
                }
            }
        }
        statements.sort(null);
        return statements;
    }

    private static String applicationYmlUrl() {
        try (InputStream in = EmbeddedSnapshot.class.getClassLoader().getResourceAsStream("application.yml")) {
            String yml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return yml.lines().map(String::strip).filter(line -> line.startsWith("url: jdbc:h2:file:")).findFirst()
                    .orElseThrow().substring("url: ".length());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
