package tw.training.evidence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.TestFolders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The sweep and the reconciliation with evidence on the local disk. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStoreSweepTest extends EvidenceSweepTest {

    private final Map<String, String> folders = new HashMap<>();

    @Override
    Map<String, String> store() {
        folders.putAll(TestFolders.localEvidence());
        return folders;
    }

    @Override
    void age(String key, Duration age) throws IOException {
        Files.setLastModifiedTime(Path.of(folders.get("app.evidence.local-dir")).resolve(key), FileTime.from(Instant.now().minus(age)));
    }
}
