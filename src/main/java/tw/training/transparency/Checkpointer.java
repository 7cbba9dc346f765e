package tw.training.transparency;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's two rhythms: every second the sequencer gives queued leaves their indexes; every minute a checkpoint is
 * signed when the tree has grown (both configurable).
 */
@Singleton
class Checkpointer {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final TransparencyLog log;

    Checkpointer(TransparencyLog log) {
        this.log = log;
    }

    @Scheduled(fixedDelay = "${app.transparency.integrate-every:1s}", initialDelay = "${app.transparency.integrate-every:1s}")
    void integrateQueued() {
        try {
            log.integrateAll();
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
