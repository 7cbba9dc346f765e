package tw.training.evidence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.S3Server;

import java.util.Map;

/** The evidence round trip with files in an S3-compatible object store the test starts itself. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3StoreEvidenceTest extends EvidenceRoundTripTest {

    @Override
    Map<String, String> store() {
        return S3Server.freshBucket();
    }
}
