package tw.training.evidence;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.course.AssessmentMethod;
import tw.training.database.Sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reads of claims a batch of judgements makes, driven by exactly the pairs it asks about: the pairs are a derived
 * table ({@code VALUES}) joined by the claims' and evidence's keys, so a batch over a thousand learners reads a thousand
 * claims and bodies, not every claim of their pieces. Each IN-list shape before cost a plan over every claim of the
 * enrollments or a sort of fifty thousand named rows (issue 36). Plain SQL: a repository cannot say a table of pairs.
 */
@Singleton
class ClaimReads {

    /** Pairs a statement asks about at most: two parameters each, far below every driver's limit. */
    private static final int PAIRS = 5_000;

    private static final String CLAIMS = "SELECT c.evidence_id, c.indicator_id FROM %s AS k (evidence_id, indicator_id)"
            + " JOIN evidence_indicator c ON c.evidence_id = k.evidence_id AND c.indicator_id = k.indicator_id WHERE " + Standing.CLAIM;

    private static final String BODIES = "SELECT v.enrollment_id, c.indicator_id, v.evidence_id, v.method, (SELECT j.outcome FROM judgement j"
            + " WHERE j.evidence_id = c.evidence_id AND j.indicator_id = c.indicator_id ORDER BY j.judged_at DESC, j.judgement_id DESC LIMIT 1)"
            + " FROM %s AS k (enrollment_id, indicator_id) JOIN evidence v ON v.enrollment_id = k.enrollment_id AND v.status = 'SUBMITTED'"
            + " JOIN evidence_indicator c ON c.evidence_id = v.evidence_id AND c.indicator_id = k.indicator_id";

    /** A piece of an enrollment's evidence claiming an indicator, with the outcome of its latest judgement on it, if judged. */
    record BodyPiece(long enrollmentId, long indicatorId, long evidenceId, AssessmentMethod method, @Nullable Outcome latest) {
    }

    /** Two row ids asked about together: (evidence, indicator) or (enrollment, indicator). */
    record Pair(long first, long indicatorId) {
    }

    private final EvidenceRepository evidence;
    private final Sql sql;

    ClaimReads(EvidenceRepository evidence, Sql sql) {
        this.evidence = evidence;
        this.sql = sql;
    }

    /**
     * Of the indicators named for each piece of evidence (ids such as KPS5294-001v4:P2.3.1), those it claims (and that
     * count, {@link Standing}), as id to row id.
     */
    Map<Long, Map<String, Long>> claimed(Map<Long, Set<String>> named) {
        Set<String> standards = new HashSet<>();
        Set<String> codes = new HashSet<>();
        named.values().forEach(names -> names.forEach(name -> {
            int colon = name.indexOf(':');
            if (colon > 0) {
                standards.add(name.substring(0, colon));
                codes.add(name.substring(colon + 1));
            }
        }));
        Map<Long, Map<String, Long>> claims = new LinkedHashMap<>();
        if (standards.isEmpty()) {
            return claims;
        }
        Map<String, List<Long>> rowIds = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        evidence.named(standards, codes).forEach(indicator -> {
            rowIds.computeIfAbsent(indicator.indicator(), key -> new ArrayList<>()).add(indicator.indicatorId());
            names.put(indicator.indicatorId(), indicator.indicator());
        });
        List<Pair> pairs = new ArrayList<>();
        named.forEach((evidenceId, indicators) -> indicators.forEach(name -> rowIds.getOrDefault(name, List.of())
                .forEach(indicatorId -> pairs.add(new Pair(evidenceId, indicatorId)))));
        read(CLAIMS, pairs, row -> new Pair(row.getLong(1), row.getLong(2))).forEach(claim ->
                claims.computeIfAbsent(claim.first(), key -> new LinkedHashMap<>()).put(names.get(claim.indicatorId()), claim.indicatorId()));
        return claims;
    }

    /** The bodies of evidence of these (enrollment, indicator) pairs: every submitted piece claiming each. */
    List<BodyPiece> bodies(Collection<Pair> pairs) {
        return read(BODIES, List.copyOf(pairs), row -> {
            String latest = row.getString(5);
            return new BodyPiece(row.getLong(1), row.getLong(2), row.getLong(3), AssessmentMethod.valueOf(row.getString(4)),
                    latest == null ? null : Outcome.valueOf(latest));
        });
    }

    private <T> List<T> read(String query, List<Pair> pairs, Sql.Row<T> row) {
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < pairs.size(); from += PAIRS) {
            List<Pair> chunk = pairs.subList(from, Math.min(pairs.size(), from + PAIRS));
            List<Object> parameters = new ArrayList<>(chunk.size() * 2);
            chunk.forEach(pair -> {
                parameters.add(pair.first());
                parameters.add(pair.indicatorId());
            });
            rows.addAll(sql.query(query.formatted(Sql.idPairs(chunk.size())), parameters, row));
        }
        return rows;
    }
}
