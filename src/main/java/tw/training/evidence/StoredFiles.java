package tw.training.evidence;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.training.evidence.storage.EvidenceStore;
import tw.training.evidence.storage.KeyPrefix;
import tw.training.evidence.storage.StagedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The evidence store lent to other features' files (course materials): a staged file goes in under a generated key
 * recorded as an upload first, exactly as evidence files do, so that the sweeper removes it if the record that should
 * refer to it never commits; the caller clears the upload in the transaction that records the file.
 */
@Singleton
public class StoredFiles {

    private static final Logger LOG = LoggerFactory.getLogger(StoredFiles.class);

    private final EvidenceStore store;
    private final EvidenceUploadRepository uploads;
    private final EvidenceFileRepository files;
    private final KeyPrefix prefix;
    private final Clock clock;

    StoredFiles(EvidenceStore store, EvidenceUploadRepository uploads, EvidenceFileRepository files, KeyPrefix prefix, Clock clock) {
        this.store = store;
        this.uploads = uploads;
        this.files = files;
        this.prefix = prefix;
        this.clock = clock;
    }

    /** Stores the staged file under a new key in {@code folder} (e.g. "materials/") and answers the key. */
    public String put(String folder, StagedFile file) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String key = prefix.value() + folder + String.format("%04d/%02d/%02d/%s", today.getYear(), today.getMonthValue(),
                today.getDayOfMonth(), UUID.randomUUID());
        uploads.save(new EvidenceUpload(null, key, clock.instant()));
        try {
            store.put(key, file.path(), file.contentType());
            return key;
        } catch (IOException e) {
            forget(key);
            throw new UncheckedIOException("the file store failed", e);
        }
    }

    /** In the transaction that records the file: its key is now referred to and no longer an upload in flight. */
    public void settle(String key) {
        uploads.deleteByStorageKeyIn(List.of(key));
    }

    public InputStream open(String key, long first) throws IOException {
        return store.open(key, first);
    }

    /**
     * Removes a stored file nothing refers to any more (after the transaction that removed its last record), or that a
     * failed recording left behind. A failure is logged: the object stays, listed by the reconciliation.
     */
    public void forget(String key) {
        try {
            if (files.referenced(List.of(key)).isEmpty()) {
                store.delete(key);
            }
            uploads.deleteByStorageKeyIn(List.of(key));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Stored file {} not removed ({}); the reconciliation lists it", key, e.toString());
        }
    }
}
