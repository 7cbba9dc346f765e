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

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * At start, removes what an interrupted upload or a crash left: staged files, and stored files that no
 * evidence refers to. Stored files younger than an hour are left alone, as another instance may be about to
 * record them. The HTTP server's own part files (Micronaut 4.10 keeps the part file of an upload whose client
 * disconnected) are swept at start and then hourly once older than {@code app.evidence.abandoned-after}.
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

    private final Path partFiles;
    private final Duration abandonedAfter;

    EvidenceSweeper(Staging staging, EvidenceStore store, EvidenceRows rows, Clock clock,
                    @Value("${app.evidence.multipart-dir:./data/multipart}") String partFiles,
                    @Value("${app.evidence.abandoned-after:6h}") Duration abandonedAfter) {
        this.staging = staging;
        this.store = store;
        this.rows = rows;
        this.clock = clock;
        this.partFiles = Path.of(partFiles);
        this.abandonedAfter = abandonedAfter;
        try {
            Files.createDirectories(this.partFiles);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the multipart folder " + this.partFiles, e);
        }
    }

    /** Part files older than the age; at start every one of them is a leftover. */
    int sweepPartFiles(Duration age) {
        Instant cutoff = clock.instant().minus(age);
        int removed = 0;
        try (Stream<Path> files = Files.list(partFiles)) {
            for (Path file : files.toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) || age.isZero()) {
                    removed += Files.deleteIfExists(file) ? 1 : 0;
                }
            }
        } catch (IOException e) {
            LOG.warn("The multipart folder {} could not be swept", partFiles, e);
        }
        return removed;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1h")
    void sweepAbandonedParts() {
        int removed = sweepPartFiles(abandonedAfter);
        if (removed > 0) {
            LOG.info("Swept {} part files of abandoned uploads", removed);
        }
    }

    @EventListener
    @ReadOnly
    void onStartup(StartupEvent event) {
        int staged = staging.clear() + sweepPartFiles(Duration.ZERO);
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
