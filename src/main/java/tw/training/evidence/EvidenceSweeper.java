package tw.training.evidence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import tw.training.startup.StartupTask;
import io.micronaut.transaction.TransactionOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.training.evidence.storage.EvidenceStore;
import tw.training.evidence.storage.Staging;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Removes what interrupted uploads left: at start, the staged files of this instance; at start and every hour,
 * the stored files of uploads recorded in {@code evidence_upload} more than an hour ago whose evidence was never
 * recorded (the hour leaves uploads in flight on other instances alone). It deletes nothing else: the store is
 * never listed to delete what the database does not mention, since after a restore of an older database, or in
 * a bucket shared with others, that would be someone's evidence. {@code reconcile-evidence} lists such objects
 * for an operator instead.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class EvidenceSweeper implements StartupTask {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceSweeper.class);
    static final Duration GRACE = Duration.ofHours(1);

    private final Staging staging;
    private final EvidenceStore store;
    private final EvidenceUploadRepository uploads;
    private final EvidenceFileRepository rows;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    EvidenceSweeper(Staging staging, EvidenceStore store, EvidenceUploadRepository uploads, EvidenceFileRepository rows,
                    TransactionOperations<Connection> transactions, Clock clock) {
        this.staging = staging;
        this.store = store;
        this.uploads = uploads;
        this.rows = rows;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run() {
        int staged = staging.clear();
        if (staged > 0) {
            LOG.info("Removed {} staged files of uploads interrupted before the last stop", staged);
        }
        sweep();
    }

    /** Removes the files of uploads that stopped over an hour ago; answers how many. */
    @Scheduled(fixedDelay = "1h", initialDelay = "1h")
    public int sweep() {
        int removed = 0;
        try {
            removed = transactions.executeWrite(status -> {
                int deleted = 0;
                for (EvidenceUpload upload : uploads.claimStartedBefore(clock.instant().minus(GRACE))) {
                    // recorded after all (the record and the clearing share a transaction, so only a restore mixes them)
                    if (rows.referenced(List.of(upload.storageKey())).isEmpty()) {
                        store.delete(upload.storageKey());
                        deleted++;
                    }
                    uploads.delete(upload);
                }
                return deleted;
            });
        } catch (Exception e) {
            LOG.warn("Leftovers of interrupted uploads not swept now ({}); the next sweep tries again", e.toString());
        }
        if (removed > 0) {
            LOG.info("Removed {} stored files of uploads interrupted over an hour ago", removed);
        }
        return removed;
    }
}
