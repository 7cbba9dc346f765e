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

    @Override
    default Map<String, String> getProperties() {
        return TestDatabases.fresh();
    }
}
