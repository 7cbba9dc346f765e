package tw.training.database;

import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Run by the build ({@code process-classes}): applies this build's migrations to an empty H2 file with the embedded
 * default's settings and keeps the result, compacted, as {@code db/snapshot/competency.mv.db} on the classpath, for
 * {@link EmbeddedSnapshot} to start a new embedded database from. Skipped when the snapshot is newer than every
 * migration.
 * <p>
 * Arguments: the snapshot's path, the folder of the migrations.
 */
public final class SchemaSnapshot {

    private SchemaSnapshot() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        Path snapshot = Path.of(args[0]).toAbsolutePath();
        Path migrations = Path.of(args[1]);
        if (Files.exists(snapshot) && Files.getLastModifiedTime(snapshot).compareTo(newest(migrations)) > 0) {
            return;
        }
        Path building = Files.createTempDirectory("schema-snapshot");
        String url = "jdbc:h2:file:" + building.resolve("competency") + EmbeddedSnapshot.OPTIONS;
        Flyway.configure(SchemaSnapshot.class.getClassLoader()).dataSource(url, EmbeddedSnapshot.USER, "")
                .locations(EmbeddedSnapshot.MIGRATIONS).load().migrate();
        try (Connection connection = DriverManager.getConnection(url, EmbeddedSnapshot.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
        Files.createDirectories(snapshot.getParent());
        Files.move(building.resolve("competency.mv.db"), snapshot, StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> left = Files.list(building)) {
            for (Path file : left.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(building);
    }

    private static FileTime newest(Path migrations) throws IOException {
        try (Stream<Path> files = Files.list(migrations)) {
            return files.map(file -> {
                try {
                    return Files.getLastModifiedTime(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(Comparator.naturalOrder()).orElseThrow();
        }
    }
}
