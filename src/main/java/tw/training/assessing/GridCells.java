package tw.training.assessing;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.course.AssessmentMethod;
import tw.training.database.Sql;
import tw.training.evidence.Outcome;
import tw.training.evidence.Standing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The judging grid's reads in plain SQL: a page of a course's learners, and the state of their cells in one query
 * over their claims and judgements (a repository would need a query per cell). Runs in the caller's transaction.
 */
@Singleton
class GridCells {

    private final Sql sql;

    GridCells(Sql sql) {
        this.sql = sql;
    }

    /** A learner of the page. */
    record Learner(long enrollmentId, String username, String displayName) {
    }

    /**
     * What a cell holds now. {@code awaiting} are the pieces never judged on the indicator, {@code lastJudged} the
     * piece of the latest judgement; the token changes whenever a judgement or a piece of evidence is added to the
     * cell or a piece withdrawn from it.
     */
    record State(String indicator, List<Long> awaiting, @Nullable Long lastJudged, @Nullable Outcome latest, int evidence, String token) {
    }

    /** Enrolled learners (withdrawn ones aside) by username, those whose username or name contains {@code search}. */
    List<Learner> learners(long courseId, String search, int offset, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(courseId));
        String where = where(search, parameters);
        parameters.add(limit);
        parameters.add(offset);
        return sql.query("SELECT e.enrollment_id, u.username, u.display_name FROM enrollment e JOIN app_user u ON u.user_id = e.learner_id"
                        + where + " ORDER BY u.username LIMIT ? OFFSET ?", parameters,
                row -> new Learner(row.getLong("enrollment_id"), row.getString("username"), row.getString("display_name")));
    }

    int count(long courseId, String search) {
        List<Object> parameters = new ArrayList<>(List.of(courseId));
        String where = where(search, parameters);
        return sql.query("SELECT COUNT(*) FROM enrollment e JOIN app_user u ON u.user_id = e.learner_id" + where, parameters,
                row -> row.getInt(1)).get(0);
    }

    private static String where(String search, List<Object> parameters) {
        String where = " WHERE e.course_id = ? AND e.status <> 'WITHDRAWN'";
        String pattern = Sql.containing(search);
        if (pattern == null) {
            return where;
        }
        parameters.add(pattern);
        parameters.add(pattern);
        return where + " AND (LOWER(u.username) LIKE ? ESCAPE '!' OR LOWER(u.display_name) LIKE ? ESCAPE '!')";
    }

    /**
     * Which of these enrollments belong to the course, each locked as the progress ledger locks it (in id order), so
     * that two assessors saving the same cells take turns and the second sees what the first recorded.
     */
    Set<Long> lock(long courseId, Collection<Long> enrollmentIds) {
        List<Object> parameters = new ArrayList<>(enrollmentIds.stream().sorted().toList());
        parameters.add(courseId);
        return new HashSet<>(sql.query("SELECT enrollment_id FROM enrollment WHERE enrollment_id IN (" + Sql.placeholders(enrollmentIds.size())
                + ") AND course_id = ? ORDER BY enrollment_id FOR UPDATE", parameters, row -> row.getLong(1)));
    }

    /**
     * The state of every cell of these enrollments and indicators that some submitted evidence (of {@code method}, if
     * given) claims, by {@link GridView#key}: one read of the claims with their judgements, folded here.
     */
    Map<String, State> states(Collection<Long> enrollmentIds, Collection<Long> indicatorIds, @Nullable AssessmentMethod method) {
        if (enrollmentIds.isEmpty() || indicatorIds.isEmpty()) {
            return Map.of();
        }
        List<Object> parameters = new ArrayList<>(enrollmentIds);
        parameters.addAll(indicatorIds);
        if (method != null) {
            parameters.add(method.name());
        }
        Map<String, Fold> folds = new HashMap<>();
        sql.forEach("SELECT v.enrollment_id, c.indicator_id, s.code AS standard_code, i.code, v.evidence_id, j.judgement_id, j.outcome"
                + " FROM evidence v JOIN evidence_indicator c ON c.evidence_id = v.evidence_id"
                + " JOIN indicator i ON i.indicator_id = c.indicator_id JOIN standard s ON s.standard_id = i.standard_id"
                + " LEFT JOIN judgement j ON j.evidence_id = c.evidence_id AND j.indicator_id = c.indicator_id AND " + Standing.JUDGEMENT
                + " WHERE v.enrollment_id IN (" + Sql.placeholders(enrollmentIds.size()) + ") AND c.indicator_id IN ("
                + Sql.placeholders(indicatorIds.size()) + ") AND v.status = 'SUBMITTED'" + (method == null ? "" : " AND v.method = ?")
                + " ORDER BY j.judged_at, j.judgement_id",
                parameters, 0, row -> {
                    Fold fold = folds.computeIfAbsent(GridView.key(row.getLong("enrollment_id"), row.getLong("indicator_id")),
                            key -> new Fold());
                    fold.indicator = row.getString("standard_code") + ":" + row.getString("code");
                    long evidence = row.getLong("evidence_id");
                    long judgement = row.getLong("judgement_id");
                    fold.add(evidence, row.wasNull() ? null : judgement, row.getString("outcome"));
                });
        Map<String, State> states = new HashMap<>();
        folds.forEach((key, fold) -> states.put(key, fold.state()));
        return states;
    }

    /** The ids of the indicators each of these enrollments has met, as the progress ledger keeps them. */
    Map<Long, Set<Long>> met(Collection<Long> enrollmentIds) {
        Map<Long, Set<Long>> met = new HashMap<>();
        if (enrollmentIds.isEmpty()) {
            return met;
        }
        sql.forEach("SELECT enrollment_id, met_indicators FROM enrollment_progress WHERE enrollment_id IN (" + Sql.placeholders(enrollmentIds.size())
                + ")", List.copyOf(enrollmentIds), 0, row -> met.put(row.getLong("enrollment_id"),
                LongStream.of(Sql.longs(row.getArray("met_indicators"))).boxed().collect(Collectors.toSet())));
        return met;
    }

    /** One cell's rows gathered; they come oldest judgement first, so the last judgement seen is the latest. */
    private static final class Fold {
        private String indicator;
        private final Set<Long> evidence = new HashSet<>();
        private final Set<Long> judged = new HashSet<>();
        private long lastJudgement;
        private Long latestEvidence;
        private Outcome latest;

        void add(long evidenceId, @Nullable Long judgementId, @Nullable String outcome) {
            evidence.add(evidenceId);
            if (judgementId != null) {
                judged.add(evidenceId);
                lastJudgement = Math.max(lastJudgement, judgementId);
                latestEvidence = evidenceId;
                latest = Outcome.valueOf(outcome);
            }
        }

        State state() {
            List<Long> awaiting = evidence.stream().filter(id -> !judged.contains(id)).sorted().toList();
            long newest = evidence.stream().mapToLong(Long::longValue).max().orElse(0);
            return new State(indicator, awaiting, latestEvidence, latest, evidence.size(), lastJudgement + "." + newest + "." + evidence.size());
        }
    }
}
