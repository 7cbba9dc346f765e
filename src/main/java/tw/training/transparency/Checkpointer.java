package tw.training.transparency;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's rhythms: every second the sequencer gives queued leaves their indexes, and signs a checkpoint when 10,000
 * leaves have been added since the last; every minute a checkpoint is signed when the tree has grown (all configurable).
 * The server's, not a command's: a command ends long before, and must not need the signing key.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class Checkpointer {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final TransparencyLog log;
    private final long everyLeaves;

    Checkpointer(TransparencyLog log, @Value("${app.transparency.checkpoint-leaves:10000}") long everyLeaves) {
        this.log = log;
        this.everyLeaves = everyLeaves;
    }

    @Scheduled(fixedDelay = "${app.transparency.integrate-every:1s}", initialDelay = "${app.transparency.integrate-every:1s}")
    void integrateQueued() {
        try {
            log.integrateAll();
            // a busy log is signed every so many leaves, not only every minute
            if (log.unsigned() >= everyLeaves) {
                log.checkpoint();
            }
        } catch (RuntimeException e) {
            LOG.warn("Queued leaves not integrated now ({}); tried again later", e.toString());
        }
    }

    @Scheduled(fixedDelay = "${app.transparency.checkpoint-every:1m}", initialDelay = "${app.transparency.checkpoint-every:1m}")
    void signDue() {
        try {
            log.checkpoint();
        } catch (RuntimeException e) {
            LOG.warn("No checkpoint signed now ({}); tried again later", e.toString());
        }
    }
}
