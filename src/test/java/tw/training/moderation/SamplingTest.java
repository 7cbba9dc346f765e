package tw.training.moderation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 34, acceptance 4: the sample size matches the formula for the documented inputs (worked by hand below); the same
 * seed over the same population gives the same sample, in whatever order the population is read; every assessor with a
 * judgement is in it.
 */
class SamplingTest {

    /**
     * n₀ = 1.959964² × 0.5 × 0.5 / 0.15² = 42.683; for N = 1,000: 42.683 / (1 + 41.683/1000) = 40.98 → 41; for N = 10:
     * 42.683 / 5.1683 = 8.26 → 9; for a million: 42.68 → 43; at 90 % (z = 1.644854), e = 10 %, p = 0.3, N = 500:
     * 1.644854² × 0.21 / 0.01 = 56.82, / (1 + 55.82/500) = 51.11 → 52.
     */
    @Test
    void theSizeIsTheFormulasWithTheFinitePopulationCorrection() {
        assertEquals(41, Sampling.size(1_000, 0.95, 0.15, 0.5));
        assertEquals(9, Sampling.size(10, 0.95, 0.15, 0.5));
        assertEquals(43, Sampling.size(1_000_000, 0.95, 0.15, 0.5));
        assertEquals(52, Sampling.size(500, 0.90, 0.10, 0.3));
        assertEquals(1, Sampling.size(1, 0.95, 0.15, 0.5), "never more than the population");
        assertEquals(0, Sampling.size(0, 0.95, 0.15, 0.5));
    }

    @Test
    void theSameSeedAndPopulationGiveTheSameSampleCoveringEveryAssessor() {
        Random random = new Random(34);
        List<Sampling.Judged> population = new ArrayList<>();
        for (long id = 1; id <= 2_000; id++) {
            // one assessor with a single judgement, the others many
            long assessor = id == 777 ? 99 : 1 + random.nextInt(6);
            population.add(new Sampling.Judged(id, assessor, 100 + random.nextInt(8)));
        }
        Sampling.Sample first = Sampling.draw(population, "2026-12 moderation", 0.95, 0.15, 0.5);
        List<Sampling.Judged> shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, new Random(1));
        Sampling.Sample again = Sampling.draw(shuffled, "2026-12 moderation", 0.95, 0.15, 0.5);
        assertEquals(first, again);
        assertEquals(Sampling.size(2_000, 0.95, 0.15, 0.5), first.formulaSize());
        assertNotEquals(first.judgementIds(), Sampling.draw(population, "another seed", 0.95, 0.15, 0.5).judgementIds());

        Set<Long> sampled = Set.copyOf(first.judgementIds());
        Set<Long> assessors = population.stream().map(Sampling.Judged::assessorId).collect(Collectors.toSet());
        Set<Long> covered = population.stream().filter(j -> sampled.contains(j.judgementId())).map(Sampling.Judged::assessorId).collect(Collectors.toSet());
        assertEquals(assessors, covered, "every assessor, even one with a single judgement");
        assertTrue(sampled.contains(777L));
        long strata = population.stream().map(j -> j.assessorId() + ":" + j.indicatorId()).distinct().count();
        assertTrue(first.judgementIds().size() >= first.formulaSize() - strata / 2 && first.judgementIds().size() <= first.formulaSize() + strata,
                "about the formula's size: " + first.judgementIds().size() + " for " + first.formulaSize());
        assertNotEquals(first.populationHash(), Sampling.populationHash(population.subList(1, population.size())), "a judgement fewer is another population");
    }
}
