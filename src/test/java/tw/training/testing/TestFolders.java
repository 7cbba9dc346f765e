package tw.training.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Fresh folders under target/ for tests that keep files, so nothing lands in the project's ./data. */
public final class TestFolders {

    private TestFolders() {
    }

    public static Path fresh(String name) {
        try {
            Files.createDirectories(Path.of("target", "test-data"));
            return Files.createTempDirectory(Path.of("target", "test-data"), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Evidence store and staging folders of their own. */
    public static Map<String, String> localEvidence() {
        Path root = fresh("evidence");
        return Map.of("app.evidence.store", "local",
                "app.evidence.local-dir", root.resolve("store").toString(),
                "app.evidence.staging-dir", root.resolve("incoming").toString());
    }
}
