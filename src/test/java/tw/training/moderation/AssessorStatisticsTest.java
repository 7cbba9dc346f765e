package tw.training.moderation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 34, acceptance 5, in a seeded simulation: five assessors judge 200 first attempts each over eight indicators
 * of different difficulty; one of them is 20 percentage points more lenient. Over 200 runs the lenient one is flagged
 * (as lenient) in at least 95 % of runs, and each neutral one in at most 5 %; with second marking by a neutral marker,
 * McNemar's direction says lenient. Below twenty judgements nobody is flagged.
 */
class AssessorStatisticsTest {

    private static final int RUNS = 200;
    private static final int EACH = 200;
    private static final long LENIENT = 1;
    private static final double[] BASE = {0.45, 0.5, 0.55, 0.6, 0.6, 0.65, 0.7, 0.7};

    private static List<AssessorStatistics.Judged> run(Random random, int each) {
        List<AssessorStatistics.Judged> judged = new ArrayList<>();
        for (long assessor = 1; assessor <= 5; assessor++) {
            for (int i = 0; i < each; i++) {
                int indicator = random.nextInt(BASE.length);
                double rate = BASE[indicator] + (assessor == LENIENT ? 0.2 : 0);
                judged.add(new AssessorStatistics.Judged(assessor, indicator, random.nextDouble() < rate));
            }
        }
        return judged;
    }

    @Test
    void aLenientAssessorIsFlaggedAndTheNeutralOnesAreNot() {
        int lenientFlagged = 0;
        int[] neutralFlagged = new int[6];
        for (int seed = 0; seed < RUNS; seed++) {
            for (AssessorStatistics.Leniency leniency : AssessorStatistics.againstPool(run(new Random(seed), EACH))) {
                if (leniency.assessorId() == LENIENT) {
                    lenientFlagged += leniency.flagged() && leniency.direction() == AssessorStatistics.Direction.LENIENT ? 1 : 0;
                } else if (leniency.flagged()) {
                    neutralFlagged[(int) leniency.assessorId()]++;
                }
            }
        }
        System.out.println("leniency simulation: lenient flagged in " + lenientFlagged + " of " + RUNS + " runs, neutral ones in "
                + java.util.Arrays.toString(java.util.Arrays.copyOfRange(neutralFlagged, 2, 6)));
        assertTrue(lenientFlagged >= RUNS * 95 / 100, "the lenient assessor flagged in " + lenientFlagged + " of " + RUNS);
        for (int assessor = 2; assessor <= 5; assessor++) {
            assertTrue(neutralFlagged[assessor] <= RUNS * 5 / 100, "neutral assessor " + assessor + " flagged in " + neutralFlagged[assessor] + " of " + RUNS);
        }
    }

    @Test
    void mcNemarsDirectionIsRight() {
        Random random = new Random(2026);
        List<boolean[]> lenientPairs = new ArrayList<>();
        List<boolean[]> neutralPairs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double rate = BASE[random.nextInt(BASE.length)];
            boolean second = random.nextDouble() < rate;
            lenientPairs.add(new boolean[]{second || random.nextDouble() < 0.5, second});
            boolean agreeing = random.nextDouble() < 0.85 ? second : random.nextBoolean();
            neutralPairs.add(new boolean[]{agreeing, second});
        }
        AssessorStatistics.Agreement lenient = AssessorStatistics.paired(LENIENT, lenientPairs);
        assertEquals(AssessorStatistics.Direction.LENIENT, lenient.direction());
        assertTrue(lenient.flagged() && lenient.firstNotSecondMet() == 0, lenient.toString());
        AssessorStatistics.Agreement reversed = AssessorStatistics.paired(2, lenientPairs.stream().map(p -> new boolean[]{p[1], p[0]}).toList());
        assertEquals(AssessorStatistics.Direction.HARSH, reversed.direction());
        assertTrue(AssessorStatistics.paired(3, neutralPairs).kappa() > 0.5, "a marker who mostly agrees has a high kappa");
    }

    @Test
    void nobodyIsFlaggedOnFewerThanTwentyJudgements() {
        assertTrue(AssessorStatistics.againstPool(run(new Random(7), 12)).stream().noneMatch(AssessorStatistics.Leniency::flagged));
        assertFalse(AssessorStatistics.paired(1, List.of(new boolean[]{true, false}, new boolean[]{true, false})).flagged());
    }

    /** Holm's method on a textbook case: p = 0.01, 0.04, 0.03, 0.005 → 0.03, 0.06, 0.06, 0.02. */
    @Test
    void holmsAdjustmentIsTheTextbooks() {
        assertArrayEquals(new double[]{0.03, 0.06, 0.06, 0.02}, AssessorStatistics.holm(new double[]{0.01, 0.04, 0.03, 0.005}), 1e-12);
    }
}
