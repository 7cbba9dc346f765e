package tw.training.sso;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forgets, every hour, the nonces no ID token could still be accepted under and the link requests past their time. */
@Singleton
class SsoPruner {

    private static final Logger LOG = LoggerFactory.getLogger(SsoPruner.class);

    private final ExternalSignIn signIn;

    SsoPruner(ExternalSignIn signIn) {
        this.signIn = signIn;
    }

    @Scheduled(fixedDelay = "${app.sso.prune-every:1h}", initialDelay = "${app.sso.prune-every:1h}")
    void pruneDue() {
        try {
            signIn.prune();
        } catch (RuntimeException e) {
            LOG.warn("Spent nonces and link requests not pruned now ({}); tried again later", e.toString());
        }
    }
}
