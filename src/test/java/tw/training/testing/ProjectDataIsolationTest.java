package tw.training.testing;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A test that asks for no database of its own must not open the project's ./data: README's server, started from
 * the same checkout, holds its H2 file locked, and the test would fail (or, worse, write into it).
 */
@MicronautTest(startApplication = false)
class ProjectDataIsolationTest {

    @Inject
    DataSource dataSource;

    @Value("${app.evidence.local-dir}")
    String evidence;

    @Value("${app.evidence.staging-dir}")
    String staging;

    @Test
    void theDefaultTestConfigurationKeepsOutOfTheProjectsData() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            assertTrue(url.startsWith("jdbc:h2:mem:"), url);
        }
        Path data = Path.of("data").toAbsolutePath().normalize();
        assertFalse(Path.of(evidence).toAbsolutePath().normalize().startsWith(data), evidence);
        assertFalse(Path.of(staging).toAbsolutePath().normalize().startsWith(data), staging);
    }
}
