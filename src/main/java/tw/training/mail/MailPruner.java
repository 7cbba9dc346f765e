package tw.training.mail;

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
 * Keeps the outbox from growing without end: a message sent or refused more than {@code app.mail.keep-sent} ago (30
 * days) is deleted, a thousand a transaction. A waiting message is never deleted.
 */
@Singleton
class MailPruner {

    private static final Logger LOG = LoggerFactory.getLogger(MailPruner.class);
    private static final int BATCH = 1000;

    private final MailRepository mails;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Duration keepSent;

    MailPruner(MailRepository mails, TransactionOperations<Connection> transactions, Clock clock,
               @Value("${app.mail.keep-sent:30d}") Duration keepSent) {
        this.mails = mails;
        this.transactions = transactions;
        this.clock = clock;
        this.keepSent = keepSent;
    }

    @Scheduled(fixedDelay = "${app.mail.prune-every:1h}", initialDelay = "${app.mail.prune-every:1h}")
    void pruneDue() {
        try {
            long pruned = prune();
            if (pruned > 0) {
                LOG.info("Deleted {} mail messages sent or refused more than {} ago", pruned, keepSent);
            }
        } catch (RuntimeException e) {
            LOG.warn("Mail outbox not pruned now ({}); tried again later", e.toString());
        }
    }

    long prune() {
        long pruned = 0;
        int deleted;
        do {
            deleted = transactions.executeWrite(status -> mails.prune(clock.instant().minus(keepSent), BATCH));
            pruned += deleted;
        } while (deleted == BATCH);
        return pruned;
    }
}
