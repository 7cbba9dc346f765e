package tw.training.moderation;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.inference.BinomialTest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How each assessor's judgements compare with the others', with Apache Commons Statistics' distributions and tests
 * (only the Mantel–Haenszel sum and Holm's step-down, a few lines each, are written here):
 * <ul>
 *     <li>without second marking, the first-attempt MET rate against the pool of the other assessors, stratified by
 *     indicator (Mantel–Haenszel's test with continuity correction: an assessor is compared only on the indicators
 *     both judged, so one who judges harder indicators is not called harsh), the assessors' p-values adjusted by
 *     Holm's method; an assessor found out of line in a first pass is left out of the pool the others are then compared
 *     with, so that one lenient colleague does not make everyone else look harsh;</li>
 *     <li>with second-marked pairs, Cohen's κ and the exact McNemar test (a binomial test on the discordant pairs):
 *     more "first MET, second NOT_YET" than the reverse is lenient.</li>
 * </ul>
 * Nobody is flagged on fewer than {@link #FLAG_FROM} judgements (or pairs).
 */
public final class AssessorStatistics {

    public static final int FLAG_FROM = 20;
    public static final double ALPHA = 0.05;
    private static final ChiSquaredDistribution CHI_SQUARED_1 = ChiSquaredDistribution.of(1);

    private AssessorStatistics() {
    }

    /** Which way an assessor departs from the others. */
    public enum Direction {
        LENIENT, HARSH, NONE
    }

    /** A first-attempt judgement: who judged which indicator, and whether MET. */
    public record Judged(long assessorId, long indicatorId, boolean met) {
    }

    /**
     * One assessor against the pool, on the indicators both judged.
     *
     * @param adjustedP Holm-adjusted over the assessors compared
     */
    public record Leniency(long assessorId, int judgements, double metRate, double othersMetRate, double p, double adjustedP, Direction direction,
                           boolean flagged) {
    }

    /** One assessor's second-marked pairs: agreement and McNemar's exact test on the discordant pairs. */
    public record Agreement(long assessorId, int pairs, double kappa, int firstMetSecondNot, int firstNotSecondMet, double p, Direction direction,
                            boolean flagged) {
    }

    /** Every assessor's leniency against the others, in assessor order. */
    public static List<Leniency> againstPool(List<Judged> judgements) {
        Set<Long> assessors = new TreeSet<>();
        judgements.forEach(j -> assessors.add(j.assessorId()));
        List<Leniency> first = compare(judgements, assessors, Set.of());
        Set<Long> outOfLine = new HashSet<>();
        first.stream().filter(Leniency::flagged).forEach(l -> outOfLine.add(l.assessorId()));
        if (outOfLine.isEmpty()) {
            return first;
        }
        // everyone measured again against a pool without those out of line in the first pass (an assessor's own
        // judgements always count for them)
        return compare(judgements, assessors, outOfLine);
    }

    /** Cohen's κ and the exact McNemar test over {@code pairs}: each the first outcome (MET = true) and the second's. */
    public static Agreement paired(long assessorId, List<boolean[]> pairs) {
        int n = pairs.size();
        int both = 0;
        int neither = 0;
        int lenient = 0;
        int harsh = 0;
        for (boolean[] pair : pairs) {
            if (pair[0] && pair[1]) {
                both++;
            } else if (!pair[0] && !pair[1]) {
                neither++;
            } else if (pair[0]) {
                lenient++;
            } else {
                harsh++;
            }
        }
        double observed = n == 0 ? 0 : (double) (both + neither) / n;
        double firstMet = n == 0 ? 0 : (double) (both + lenient) / n;
        double secondMet = n == 0 ? 0 : (double) (both + harsh) / n;
        double chance = firstMet * secondMet + (1 - firstMet) * (1 - secondMet);
        double kappa = chance >= 1 ? 1 : (observed - chance) / (1 - chance);
        double p = lenient + harsh == 0 ? 1 : BinomialTest.withDefaults().test(lenient + harsh, lenient, 0.5).getPValue();
        Direction direction = lenient > harsh ? Direction.LENIENT : harsh > lenient ? Direction.HARSH : Direction.NONE;
        return new Agreement(assessorId, n, kappa, lenient, harsh, p, direction, n >= FLAG_FROM && p < ALPHA);
    }

    private static List<Leniency> compare(List<Judged> judgements, Set<Long> assessors, Set<Long> leftOut) {
        List<double[]> raw = new ArrayList<>();
        List<Long> order = new ArrayList<>();
        for (long assessor : assessors) {
            // per indicator: this assessor's MET and NOT_YET, the pool's MET and NOT_YET
            Map<Long, int[]> tables = new HashMap<>();
            for (Judged j : judgements) {
                if (j.assessorId() != assessor && leftOut.contains(j.assessorId())) {
                    continue;
                }
                int[] table = tables.computeIfAbsent(j.indicatorId(), k -> new int[4]);
                table[(j.assessorId() == assessor ? 0 : 2) + (j.met() ? 0 : 1)]++;
            }
            double sumDeviation = 0;
            double sumVariance = 0;
            int own = 0;
            int ownMet = 0;
            int others = 0;
            int othersMet = 0;
            for (int[] t : tables.values()) {
                double rowOwn = t[0] + t[1];
                double rowOthers = t[2] + t[3];
                if (rowOwn == 0 || rowOthers == 0) {
                    continue;
                }
                double total = rowOwn + rowOthers;
                double met = t[0] + t[2];
                sumDeviation += t[0] - rowOwn * met / total;
                sumVariance += total < 2 ? 0 : rowOwn * rowOthers * met * (total - met) / (total * total * (total - 1));
                own += t[0] + t[1];
                ownMet += t[0];
                others += t[2] + t[3];
                othersMet += t[2];
            }
            double statistic = sumVariance == 0 ? 0 : Math.pow(Math.max(0, Math.abs(sumDeviation) - 0.5), 2) / sumVariance;
            double p = sumVariance == 0 ? 1 : CHI_SQUARED_1.survivalProbability(statistic);
            raw.add(new double[]{own, own == 0 ? 0 : (double) ownMet / own, others == 0 ? 0 : (double) othersMet / others, p, sumDeviation});
            order.add(assessor);
        }
        double[] adjusted = holm(raw.stream().mapToDouble(r -> r[3]).toArray());
        List<Leniency> result = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            double[] r = raw.get(i);
            boolean flagged = r[0] >= FLAG_FROM && adjusted[i] < ALPHA;
            Direction direction = r[4] > 0 ? Direction.LENIENT : r[4] < 0 ? Direction.HARSH : Direction.NONE;
            result.add(new Leniency(order.get(i), (int) r[0], r[1], r[2], r[3], adjusted[i], direction, flagged));
        }
        return result;
    }

    /** Holm's step-down adjustment: the i-th smallest of m p-values times (m − i + 1), kept non-decreasing, at most 1. */
    static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            running = Math.max(running, Math.min(1, (m - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
