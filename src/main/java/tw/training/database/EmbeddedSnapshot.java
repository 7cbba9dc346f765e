package tw.training.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a new embedded database from the schema this build's migrations make ({@link SchemaSnapshot}) instead of
 * applying them one by one: on a first start of the embedded default, the 37 migrations cost H2 about 1.3 s (many
 * are {@code ALTER TABLE}s, which H2 carries out by copying the table), the copy a few milliseconds. Flyway then
 * validates the snapshot's history against the migrations as on any start, and applies whatever is newer.
 * <p>
 * Only where the result is the same as migrating: the default data source, migrations on, an H2 file URL with exactly
 * the embedded default's settings and its {@code sa} account, and no database file yet. Two first starts on one
 * folder are safe: the file appears whole (a hard link to a complete copy) or not at all.
 */
@Singleton
class EmbeddedSnapshot implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    static final String USER = "sa";
    static final String MIGRATIONS = "classpath:db/migration";
    static final String RESOURCE = "db/snapshot/competency.mv.db";
    private static final Pattern EMBEDDED = Pattern.compile("jdbc:h2:file:(?!~)([^;]+)" + Pattern.quote(OPTIONS));
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSnapshot.class);

    private final boolean migrating;

    EmbeddedSnapshot(@Value("${flyway.datasources.default.enabled:false}") boolean migrating) {
        this.migrating = migrating;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        if (migrating && "default".equals(configuration.getName())) {
            databaseFile(configuration.getUrl(), configuration.getUsername(), configuration.getPassword()).ifPresent(EmbeddedSnapshot::place);
        }
        return configuration;
    }

    /** The file of an embedded database the snapshot can start: exactly the embedded default's settings and account. */
    static Optional<Path> databaseFile(String url, String username, String password) {
        Matcher embedded = EMBEDDED.matcher(String.valueOf(url));
        if (!embedded.matches() || !USER.equalsIgnoreCase(username) || password != null && !password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(embedded.group(1) + ".mv.db"));
    }

    /** Puts the snapshot at {@code database} unless a file is there; answers whether it did. */
    static boolean place(Path database) {
        if (Files.exists(database)) {
            return false;
        }
        Path copy = null;
        try (InputStream snapshot = EmbeddedSnapshot.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (snapshot == null) {
                // a build without it (run from an IDE's classes, say): the migrations make the schema as before
                return false;
            }
            Path folder = database.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            copy = Files.createTempFile(folder, ".snapshot-", ".tmp");
            Files.copy(snapshot, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.createLink(database, copy);
            LOG.info("Created the embedded database {} from this build's schema snapshot", database);
            return true;
        } catch (FileAlreadyExistsException another) {
            // another start of this folder made it first: it is whole, and it is used as it is
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.info("Schema snapshot not used ({}): the migrations make the schema", e.toString());
            return false;
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a leftover temporary file next to the database; harmless
                }
            }
        }
    }
}
