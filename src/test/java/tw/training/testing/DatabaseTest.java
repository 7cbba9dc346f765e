package tw.training.testing;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Tag;

import java.util.Map;

/**
 * Implemented by every test class that touches the database: it gets a database of its own, and the tag
 * puts it in the PostgreSQL run as well. Such classes also need {@code @TestInstance(PER_CLASS)}.
 */
@Tag("database")
public interface DatabaseTest extends TestPropertyProvider {

    /** A fresh database, and evidence folders of the test's own so nothing lands in the project's ./data. */
    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(TestDatabases.fresh());
        properties.putAll(TestFolders.localEvidence());
        return properties;
    }
}
