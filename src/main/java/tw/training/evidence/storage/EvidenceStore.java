package tw.training.evidence.storage;

import tw.training.startup.CheckedAtStart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keeps evidence files by key. Two implementations: local disk and S3-compatible object storage. The server
 * deletes only keys it recorded itself ({@code evidence_upload}); listing is for an operator's reconciliation.
 */
public interface EvidenceStore extends CheckedAtStart {

    /** An object of the store, as a listing shows it. */
    record StoredObject(String key, long size, Instant modified) {
    }

    /** Takes a staged, checked file into the store under the key; the staged file is gone afterwards. */
    void put(String key, Path staged, String contentType) throws IOException;

    InputStream open(String key) throws IOException;

    /**
     * The object's bytes from {@code first} on, for a range request: a local file seeks there (its stream skips by
     * moving its position); S3 overrides this with a ranged GET, so seeking in a video does not read what precedes.
     */
    default InputStream open(String key, long first) throws IOException {
        InputStream in = open(key);
        in.skipNBytes(first);
        return in;
    }

    /** Whether an object is stored under the key. */
    boolean exists(String key) throws IOException;

    void delete(String key) throws IOException;

    /** Every object whose key starts with the prefix, in key order. */
    void list(String prefix, Consumer<StoredObject> each) throws IOException;

    /** Fails unless the store can be reached and written to now (the folder exists, the bucket answers). */
    void check() throws IOException;

    /** Where the store is, for messages: a folder or a bucket. */
    String describe();
}
