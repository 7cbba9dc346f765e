package tw.training.transparency;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Signs a checkpoint every minute (configurable) when the tree has grown since the last one. */
@Singleton
class Checkpointer {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final TransparencyLog log;

    Checkpointer(TransparencyLog log) {
        this.log = log;
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
