package tw.training.evidence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.S3Server;

import java.time.Duration;
import java.util.Map;

/**
 * The sweep and the reconciliation with evidence in an S3-compatible store the test starts itself. Objects cannot
 * be backdated there; the sweep never looks at their age anyway.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3StoreSweepTest extends EvidenceSweepTest {

    @Override
    Map<String, String> store() {
        return S3Server.freshBucket();
    }

    @Override
    void age(String key, Duration age) {
        // S3 sets an object's time itself
    }
}
