package tw.training.progress;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * For benchmarks: the time of the ledger's derivation alone for one (enrollment, indicator) pair, as a judging
 * transaction runs it, rolled back so that repeating it changes nothing. Lives beside the ledger, whose class
 * is not public.
 */
public final class LedgerTiming {

    private LedgerTiming() {
    }

    /** Milliseconds of one derivation of the pair. */
    @SuppressWarnings("unchecked")
    public static double derive(ApplicationContext context, long enrollment, long indicator) {
        ProgressLedger ledger = context.getBean(ProgressLedger.class);
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        long[] nanos = new long[1];
        transactions.executeWrite(status -> {
            long started = System.nanoTime();
            ledger.refresh(Map.of(enrollment, Set.of(indicator)), Instant.now());
            nanos[0] = System.nanoTime() - started;
            status.setRollbackOnly();
            return null;
        });
        return nanos[0] / 1e6;
    }
}
