package tw.training.evidence.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Keeps evidence files by key. Two implementations: local disk and S3-compatible object storage. */
public interface EvidenceStore {

    /** Takes a staged, checked file into the store under the key; the staged file is gone afterwards. */
    void put(String key, Path staged, String contentType) throws IOException;

    InputStream open(String key) throws IOException;

    void delete(String key) throws IOException;

    /** Keys stored before the instant, for sweeping files no evidence refers to (left by a crash). */
    List<String> keysStoredBefore(Instant instant) throws IOException;
}
