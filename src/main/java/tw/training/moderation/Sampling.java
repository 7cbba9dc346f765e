package tw.training.moderation;

import org.apache.commons.statistics.distribution.NormalDistribution;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The moderation sample of a period's judgements, reproducible by an auditor in any language:
 * <ul>
 *     <li>size: n₀ = z²·p(1−p)/e², z the two-sided normal quantile of the confidence, then the finite-population
 *     correction n = n₀ / (1 + (n₀ − 1)/N), rounded up, never more than N (defaults 95 %, e = 15 %, p = 0.5);</li>
 *     <li>strata: (assessor, indicator); each gets its share of n in proportion to its size, rounded half up, and at
 *     least one, so every assessor with a judgement is sampled (the sample may then exceed n by a few);</li>
 *     <li>draw: within a stratum, the judgements with the smallest SHA-256(seed ‖ judgement id) (the id as eight bytes,
 *     big-endian; the seed as UTF-8), ties impossible in practice and broken by id;</li>
 *     <li>population hash: SHA-256 of the judgement ids in ascending order, eight bytes each, recorded with the seed so
 *     that the same draw can be made again over the same population and shown to be that population.</li>
 * </ul>
 */
public final class Sampling {

    private static final HexFormat HEX = HexFormat.of();

    private Sampling() {
    }

    /** A judgement of the population: its id, and the stratum it belongs to. */
    public record Judged(long judgementId, long assessorId, long indicatorId) {
    }

    /** The sample, the size the formula asked for, and what makes it reproducible. */
    public record Sample(List<Long> judgementIds, int formulaSize, String populationHash, String seed) {
    }

    /** The sample size for a population of {@code population} at {@code confidence} (0.95), error {@code error} (0.15), {@code p}. */
    public static int size(int population, double confidence, double error, double p) {
        if (population <= 0) {
            return 0;
        }
        if (!(confidence > 0 && confidence < 1) || !(error > 0 && error < 1) || !(p > 0 && p < 1)) {
            throw new IllegalArgumentException("confidence, error and p are between 0 and 1");
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double first = z * z * p * (1 - p) / (error * error);
        double corrected = first / (1 + (first - 1) / population);
        return (int) Math.min(population, Math.ceil(corrected - 1e-9));
    }

    /** Draws the sample of {@code population} with {@code seed}. */
    public static Sample draw(List<Judged> population, String seed, double confidence, double error, double p) {
        int n = size(population.size(), confidence, error, p);
        Map<String, List<Judged>> strata = new TreeMap<>();
        population.stream().sorted(Comparator.comparingLong(Judged::judgementId))
                .forEach(j -> strata.computeIfAbsent(j.assessorId() + ":" + j.indicatorId(), key -> new ArrayList<>()).add(j));
        List<Long> sample = new ArrayList<>();
        for (List<Judged> stratum : strata.values()) {
            int share = Math.max(1, (int) Math.floor((double) n * stratum.size() / population.size() + 0.5));
            Map<Long, String> keys = new LinkedHashMap<>();
            stratum.forEach(j -> keys.put(j.judgementId(), HEX.formatHex(keyed(seed, j.judgementId()))));
            stratum.stream().sorted(Comparator.comparing((Judged j) -> keys.get(j.judgementId())).thenComparingLong(Judged::judgementId))
                    .limit(share).forEach(j -> sample.add(j.judgementId()));
        }
        sample.sort(Long::compare);
        return new Sample(List.copyOf(sample), n, populationHash(population), seed);
    }

    /** SHA-256 over the ids in ascending order, eight bytes each (hex). */
    public static String populationHash(List<Judged> population) {
        MessageDigest sha256 = sha256();
        population.stream().mapToLong(Judged::judgementId).sorted().forEach(id -> sha256.update(ByteBuffer.allocate(8).putLong(id).array()));
        return HEX.formatHex(sha256.digest());
    }

    private static byte[] keyed(String seed, long judgementId) {
        MessageDigest sha256 = sha256();
        sha256.update(seed.getBytes(StandardCharsets.UTF_8));
        return sha256.digest(ByteBuffer.allocate(8).putLong(judgementId).array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
