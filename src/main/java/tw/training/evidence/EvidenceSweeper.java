package tw.training.evidence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.training.evidence.storage.EvidenceStore;
import tw.training.evidence.storage.Staging;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * At start, removes what an interrupted upload or a crash left: staged files, and stored files that no
 * evidence refers to. Stored files younger than an hour are left alone, as another instance may be about to
 * record them.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class EvidenceSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceSweeper.class);
    private static final Duration GRACE = Duration.ofHours(1);
    private static final int CHUNK = 500;

    private final Staging staging;
    private final EvidenceStore store;
    private final EvidenceRows rows;
    private final Clock clock;

    EvidenceSweeper(Staging staging, EvidenceStore store, EvidenceRows rows, Clock clock) {
        this.staging = staging;
        this.store = store;
        this.rows = rows;
        this.clock = clock;
    }

    @EventListener
    @ReadOnly
    void onStartup(StartupEvent event) {
        int staged = staging.clear();
        int orphans = 0;
        try {
            List<String> keys = store.keysStoredBefore(clock.instant().minus(GRACE));
            for (int from = 0; from < keys.size(); from += CHUNK) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
                Set<String> referenced = rows.referenced(chunk);
                for (String key : chunk) {
                    if (!referenced.contains(key)) {
                        store.delete(key);
                        orphans++;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The evidence store could not be swept; leftovers stay until the next start", e);
        }
        if (staged + orphans > 0) {
            LOG.info("Swept {} staged and {} unreferenced evidence files left by interrupted uploads", staged, orphans);
        }
    }
}
