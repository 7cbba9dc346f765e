package tw.training.xapi;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;

/**
 * Keeps the outbox from growing without end: a statement the LRS took more than {@code app.xapi.keep-sent} ago (90 days)
 * is the LRS's to keep, and is deleted here, a thousand rows a transaction so no delete holds the table long. A statement
 * not yet sent is never deleted; without an LRS none is ever sent, so every statement stays readable here.
 */
@Singleton
class XapiPruner {

    private static final Logger LOG = LoggerFactory.getLogger(XapiPruner.class);
    private static final int BATCH = 1000;

    private final XapiRepository statements;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Duration keepSent;

    XapiPruner(XapiRepository statements, TransactionOperations<Connection> transactions, Clock clock,
               @Value("${app.xapi.keep-sent:90d}") Duration keepSent) {
        this.statements = statements;
        this.transactions = transactions;
        this.clock = clock;
        this.keepSent = keepSent;
    }

    @Scheduled(fixedDelay = "${app.xapi.prune-every:1h}", initialDelay = "${app.xapi.prune-every:1h}")
    void pruneDue() {
        try {
            long pruned = prune();
            if (pruned > 0) {
                LOG.info("Deleted {} xAPI statements the LRS took more than {} ago", pruned, keepSent);
            }
        } catch (RuntimeException e) {
            LOG.warn("xAPI statements not pruned now ({}); tried again later", e.toString());
        }
    }

    /** Deletes every statement sent before the keeping time; answers how many. */
    long prune() {
        long pruned = 0;
        int deleted;
        do {
            deleted = transactions.executeWrite(status -> statements.pruneSent(clock.instant().minus(keepSent), BATCH));
            pruned += deleted;
        } while (deleted == BATCH);
        return pruned;
    }
}
