package tw.training.writtentest;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes attempts whose deadline passed while nobody came back to them, so that their evidence and judgements are
 * recorded without the learner. Every instance may sweep: closing takes the rows' locks and closes an attempt once.
 */
@Singleton
class AttemptSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptSweeper.class);

    private final AttemptService attempts;

    AttemptSweeper(AttemptService attempts) {
        this.attempts = attempts;
    }

    @Scheduled(fixedDelay = "${app.written-tests.sweep-every:30s}", initialDelay = "30s")
    void sweep() {
        try {
            int closed = attempts.closeExpired();
            if (closed > 0) {
                LOG.info("Closed {} attempts whose time ran out", closed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Attempts past their deadline not closed now ({}); the next sweep tries again", e.toString());
        }
    }
}
