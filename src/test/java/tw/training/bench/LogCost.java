package tw.training.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import tw.training.account.Actor;
import tw.training.evidence.JudgementService;
import tw.training.evidence.Views;
import tw.training.transparency.TransparencyLog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 34, acceptance 6: judgement throughput with the transparency log on against the same with it off, side by side
 * in one run on the JudgementBenchmark's data. Two application contexts on the one database, identical but for
 * {@code app.transparency.enabled}; rounds alternate between them (off, on, off, on…) so that the database's warming
 * and autovacuum fall on both alike. Each round: {@value #THREADS} threads each judging {@value #EACH} random claims
 * through {@code JudgementService.judge}, the server's own path (checks, rules of evidence, insert, ledger, and with
 * the log its leaf queued before commit; the sequencer runs every second beside them, as on the server). A round with
 * the log ends when its last leaf is sequenced, so the sequencer's work is charged to it, never to the next round
 * without it. The first {@value #WARM_UP} pairs are untimed; then each pair runs off first or on first in turn.
 * Reported: the ratio of the medians, and the median of each pair of rounds' own ratio (which a slow drift of the
 * machine moves less).
 */
final class LogCost {

    private static final int ROUNDS = 20;
    /** Pairs of rounds run first, untimed: the database's cache and the JIT warm through the first few. */
    private static final int WARM_UP = 3;
    private static final int THREADS = 8;
    private static final int EACH = 120;

    private LogCost() {
    }

    static void compare(LoadedCourse loaded, List<JudgementBenchmark.Target> targets, Actor trainer) throws Exception {
        Map<String, Object> off = JudgementBenchmark.contextOn(loaded, "log-off");
        off.put("app.transparency.enabled", false);
        Map<String, Object> on = JudgementBenchmark.contextOn(loaded, "log-on");
        on.put("app.transparency.enabled", true);
        ScheduledExecutorService sequencer = Executors.newSingleThreadScheduledExecutor();
        try (ApplicationContext withoutLog = ApplicationContext.run(off, Environment.CLI);
             ApplicationContext withLog = ApplicationContext.run(on, Environment.CLI)) {
            // the server's sequencer, which a command's context has not: every second, as the server runs it
            TransparencyLog log = withLog.getBean(TransparencyLog.class);
            sequencer.scheduleWithFixedDelay(log::integrateAll, 1, 1, TimeUnit.SECONDS);
            List<Double> rateOff = new ArrayList<>();
            List<Double> rateOn = new ArrayList<>();
            List<Double> pairs = new ArrayList<>();
            int next = 0;
            for (int round = 1 - WARM_UP; round <= ROUNDS; round++) {
                JudgementService without = withoutLog.getBean(JudgementService.class);
                JudgementService with = withLog.getBean(JudgementService.class);
                // in turn first and second (off-on, on-off…): the machine warming through the run favours neither
                boolean offFirst = round % 2 == 0;
                double a = 0;
                double b = 0;
                for (int half = 0; half < 2; half++) {
                    if ((half == 0) == offFirst) {
                        a = round(without, targets, next, trainer, () -> { });
                    } else {
                        // the round's clock stops once its leaves are sequenced too: the log's whole cost is charged to it
                        b = round(with, targets, next, trainer, log::integrateAll);
                    }
                    next += THREADS * EACH;
                }
                System.out.printf("round %d: log off %.0f judgements/s, log on %.0f judgements/s%s%n", round, a, b,
                        round <= 0 ? " (warming, untimed)" : "");
                if (round > 0) {
                    rateOff.add(a);
                    rateOn.add(b);
                    pairs.add(b / a);
                }
            }
            double medianOff = JudgementBenchmark.percentile(rateOff, 50);
            double medianOn = JudgementBenchmark.percentile(rateOn, 50);
            System.out.printf("(4) judgement throughput, %d threads × %d per round, %d rounds each, median: log off %.0f/s, log on %.0f/s:"
                    + " on/off = %.1f%% (issue 34 asks at least 85%%); median of the rounds' own on/off: %.1f%%%n", THREADS, EACH, ROUNDS,
                    medianOff, medianOn, 100 * medianOn / medianOff, 100 * JudgementBenchmark.percentile(pairs, 50));
        } finally {
            sequencer.shutdownNow();
        }
    }

    /** One round's throughput, judgements per second. */
    private static double round(JudgementService judgements, List<JudgementBenchmark.Target> targets, int from, Actor trainer, Runnable after)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger failed = new AtomicInteger();
        long began = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int first = from + t * EACH;
            done.add(pool.submit(() -> {
                for (int i = 0; i < EACH; i++) {
                    JudgementBenchmark.Target target = targets.get((first + i) % targets.size());
                    try {
                        judgements.judge(target.evidenceId(), new Views.JudgeRequest(target.indicator(), i % 5 == 0 ? "NOT_YET" : "MET", "基準"),
                                trainer);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        after.run();
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        if (failed.get() > 0) {
            System.out.println("    " + failed.get() + " judgements refused in this round");
        }
        return THREADS * EACH / seconds;
    }
}
