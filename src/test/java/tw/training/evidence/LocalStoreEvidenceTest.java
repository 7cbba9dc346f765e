package tw.training.evidence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.TestFolders;

import java.util.Map;

/** The evidence round trip with files on local disk (the embedded default). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStoreEvidenceTest extends EvidenceRoundTripTest {

    @Override
    Map<String, String> store() {
        return TestFolders.localEvidence();
    }
}
