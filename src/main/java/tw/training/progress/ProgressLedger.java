package tw.training.progress;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.database.Sql;
import tw.training.evidence.JudgementsRecorded;
import tw.training.evidence.Outcome;
import tw.training.evidence.Standing;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rule of SPEC §5 in SQL, the same on H2 and PostgreSQL, applied when judgements change rather than when
 * progress is read: for a set of enrollments at once it rewrites their {@code satisfaction} rows (per required
 * method, the evidence whose latest judgement for the indicator is MET) and their {@code enrollment_progress}
 * row (the indicators every required method of which is satisfied). Reading progress is then a lookup.
 * Migration V005 runs the same statements once over every enrollment. Plain SQL, not a repository: each statement
 * rewrites the rows of many enrollments and indicators at once (INSERT … SELECT with window functions, array aggregates).
 */
@Singleton
class ProgressLedger {

    /** Enrollments per statement: keeps the IN list far below every driver's parameter limit. */
    private static final int CHUNK = 1_000;

    /**
     * Per evidence and indicator its latest judgement (window function) on submitted evidence; of those that
     * are MET and whose method the enrollment's plan requires for the indicator, the earliest per method.
     */
    private static final String SATISFY_FROM = "INSERT INTO satisfaction (enrollment_id, indicator_id, method, evidence_id, judgement_id, assessor_id, judged_at)"
            + " SELECT enrollment_id, indicator_id, method, evidence_id, judgement_id, assessor_id, judged_at FROM ("
            + " SELECT l.*, ROW_NUMBER() OVER (PARTITION BY l.enrollment_id, l.indicator_id, l.method ORDER BY l.judged_at, l.judgement_id) AS nth"
            + " FROM (SELECT v.enrollment_id, e.revision_id, j.indicator_id, v.method, j.evidence_id, j.judgement_id, j.outcome, j.judged_at, j.assessor_id,"
            + " ROW_NUMBER() OVER (PARTITION BY j.evidence_id, j.indicator_id ORDER BY j.judged_at DESC, j.judgement_id DESC) AS latest FROM ";
    private static final String SATISFY = SATISFY_FROM + "judgement j JOIN evidence v ON v.evidence_id = j.evidence_id"
            + " JOIN enrollment e ON e.enrollment_id = v.enrollment_id WHERE v.status = 'SUBMITTED' AND " + Standing.JUDGEMENT + " AND ";
    private static final String FIRST_MET = ") l JOIN plan_method p ON p.revision_id = l.revision_id AND p.indicator_id = l.indicator_id"
            + " AND p.method = l.method WHERE l.latest = 1 AND l.outcome = 'MET') s WHERE s.nth = 1";

    /**
     * The satisfactions of (enrollment, indicator) pairs given as a derived table {@code k}, each pair read by the
     * satisfactions' key (the pairs are known to the caller: nothing is read to find them).
     */
    private static final String SATISFIED = "SELECT s.enrollment_id, s.indicator_id, s.method, s.evidence_id, s.judgement_id, s.judged_at"
            + " FROM %s k (enrollment_id, indicator_id) JOIN satisfaction s ON s.enrollment_id = k.enrollment_id AND s.indicator_id = k.indicator_id";

    /** The satisfactions of pairs given as a derived table, among those of some enrollments (which bound the statement's scan). */
    private static final String UNSATISFY = "DELETE FROM satisfaction WHERE enrollment_id IN (%s) AND (enrollment_id, indicator_id) IN"
            + " (SELECT k.enrollment_id, k.indicator_id FROM %s k (enrollment_id, indicator_id))";

    /**
     * {@link #SATISFY} driven by pairs given as a derived table: every judgement of the pairs' enrollments' evidence for
     * the pairs' indicators, read by the judgements' (evidence, indicator) index, not every judgement of the enrollments.
     */
    private static final String SATISFY_PAIRS = SATISFY_FROM + "%s k (enrollment_id, indicator_id) JOIN evidence v ON v.enrollment_id = k.enrollment_id"
            + " JOIN enrollment e ON e.enrollment_id = v.enrollment_id JOIN judgement j ON j.evidence_id = v.evidence_id AND j.indicator_id = k.indicator_id"
            + " WHERE v.status = 'SUBMITTED' AND " + Standing.JUDGEMENT + FIRST_MET;

    /**
     * A new judgement's satisfaction where there is none for its (enrollment, indicator, method): a MET on submitted
     * evidence whose method the enrollment's plan requires for the indicator, the latest judgement of its (evidence,
     * indicator).
     */
    private static final String SATISFY_NEW = "INSERT INTO satisfaction (enrollment_id, indicator_id, method, evidence_id, judgement_id, assessor_id, judged_at)"
            + " SELECT v.enrollment_id, j.indicator_id, v.method, j.evidence_id, j.judgement_id, j.assessor_id, j.judged_at"
            + " FROM judgement j JOIN evidence v ON v.evidence_id = j.evidence_id JOIN enrollment e ON e.enrollment_id = v.enrollment_id"
            + " JOIN plan_method p ON p.revision_id = e.revision_id AND p.indicator_id = j.indicator_id AND p.method = v.method"
            + " WHERE j.outcome = 'MET' AND v.status = 'SUBMITTED' AND j.judgement_id IN (";
    private static final String SATISFY_NEW_UNLESS = ") AND NOT EXISTS (SELECT 1 FROM satisfaction s WHERE s.enrollment_id = v.enrollment_id"
            + " AND s.indicator_id = j.indicator_id AND s.method = v.method)"
            // a judgement written after a later one (a clock gone back) is not its claim's latest
            + " AND NOT EXISTS (SELECT 1 FROM judgement l WHERE l.evidence_id = j.evidence_id AND l.indicator_id = j.indicator_id"
            + " AND (l.judged_at > j.judged_at OR l.judged_at = j.judged_at AND l.judgement_id > j.judgement_id) AND " + Standing.of("l") + ")";

    /** An indicator is met when none of the methods the plan requires for it lacks a satisfaction. */
    private static final String MEET = "INSERT INTO enrollment_progress (enrollment_id, indicators_met, met_indicators)"
            + " SELECT m.enrollment_id, COUNT(*), ARRAY_AGG(m.indicator_id ORDER BY m.indicator_id) FROM ("
            + " SELECT e.enrollment_id, p.indicator_id FROM enrollment e JOIN plan_method p ON p.revision_id = e.revision_id"
            + " LEFT JOIN satisfaction s ON s.enrollment_id = e.enrollment_id AND s.indicator_id = p.indicator_id AND s.method = p.method"
            + " WHERE ";
    private static final String MET_BY_ENROLLMENT = " GROUP BY e.enrollment_id, p.indicator_id HAVING COUNT(s.method) = COUNT(*)) m"
            + " GROUP BY m.enrollment_id";

    /** The met indicators of enrollments whose satisfactions were only added to: their rows set or made. */
    private static final String MEET_MORE = "MERGE INTO enrollment_progress t USING (SELECT m.enrollment_id, COUNT(*) AS indicators_met,"
            + " ARRAY_AGG(m.indicator_id ORDER BY m.indicator_id) AS met_indicators FROM ("
            + " SELECT e.enrollment_id, p.indicator_id FROM enrollment e JOIN plan_method p ON p.revision_id = e.revision_id"
            + " LEFT JOIN satisfaction s ON s.enrollment_id = e.enrollment_id AND s.indicator_id = p.indicator_id AND s.method = p.method"
            + " WHERE ";
    private static final String MEET_MORE_INTO = ") n ON t.enrollment_id = n.enrollment_id"
            + " WHEN MATCHED THEN UPDATE SET indicators_met = n.indicators_met, met_indicators = n.met_indicators"
            + " WHEN NOT MATCHED THEN INSERT (enrollment_id, indicators_met, met_indicators) VALUES (n.enrollment_id, n.indicators_met, n.met_indicators)";

    /** An enrollment has met its plan when it has met as many indicators as its plan has. */
    private static final String PLAN_MET = "EXISTS (SELECT 1 FROM enrollment_progress p WHERE p.enrollment_id = enrollment.enrollment_id"
            + " AND p.indicators_met = (SELECT COUNT(*) FROM plan_indicator i WHERE i.revision_id = enrollment.revision_id))";

    private final Sql sql;

    ProgressLedger(Sql sql) {
        this.sql = sql;
    }

    /**
     * What these judgements, just appended, change, in the transaction that recorded them: the judging path, which must
     * cost little (issue 36). A new judgement is on submitted evidence and standing (no move), and normally the latest of
     * its (evidence, indicator). Per (enrollment, indicator, method of the evidence), with S the satisfaction there is:
     * <ul>
     * <li>S names the judged evidence (it was MET and is judged again), or S is later than the judgement (a clock that
     * went back): the pair is derived again whole, as {@link #refresh} does, driven by the pairs;</li>
     * <li>no S, and the judgement is a MET on a method the plan requires, and its claim's latest: the judgement is S (no
     * other evidence's latest judgement was MET, or S would exist);</li>
     * <li>otherwise (a NOT_YET of other evidence than S's, a MET where an earlier S stands) nothing changes.</li>
     * </ul>
     * Two METs of one batch for one (enrollment, indicator) are derived whole as well (which of them counts is the rule's
     * to say). Met indicators and completion are derived again only for the enrollments where a pair gained or lost a
     * method's satisfaction (a MET judged again changes which judgement satisfies, not what is met), by an upsert when
     * satisfactions were only added (the met indicators can then only grow). Answers the enrollments it completed; the
     * enrollments are locked first, as in {@link #refresh}. {@code ProgressRuleTest} compares 500 random steps with the
     * whole derivation.
     */
    List<Long> apply(List<JudgementsRecorded.Recorded> judgements, Instant now) {
        // per (evidence, indicator), the batch's last judgement is the latest
        Map<List<Long>, JudgementsRecorded.Recorded> latest = new LinkedHashMap<>();
        judgements.forEach(j -> latest.merge(List.of(j.evidenceId(), j.indicatorId()), j, (a, b) -> a.judgementId() > b.judgementId() ? a : b));
        Map<Long, List<JudgementsRecorded.Recorded>> byEnrollment = new TreeMap<>();
        latest.values().forEach(j -> byEnrollment.computeIfAbsent(j.enrollmentId(), id -> new ArrayList<>()).add(j));
        List<Long> ids = List.copyOf(byEnrollment.keySet());
        List<Long> completed = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            lock(chunk);
            List<JudgementsRecorded.Recorded> judged = chunk.stream().flatMap(id -> byEnrollment.get(id).stream()).toList();
            completed.addAll(applyLocked(chunk, judged, now));
        }
        return completed;
    }

    private List<Long> applyLocked(List<Long> enrollments, List<JudgementsRecorded.Recorded> judged, Instant now) {
        Set<Pair> pairs = new LinkedHashSet<>();
        judged.forEach(j -> pairs.add(Pair.of(j)));
        Map<Pair, List<Held>> before = satisfied(pairs);
        // the pairs to derive whole: S names the judged evidence or is later than the judgement, or two METs meet
        Set<Pair> whole = new LinkedHashSet<>();
        Set<Pair> met = new HashSet<>();
        for (JudgementsRecorded.Recorded j : judged) {
            Pair pair = Pair.of(j);
            boolean stale = before.getOrDefault(pair, List.of()).stream()
                    .anyMatch(held -> held.evidenceId() == j.evidenceId() || held.judgedAt().isAfter(j.judgedAt()));
            if (stale || j.outcome() == Outcome.MET && !met.add(pair)) {
                whole.add(pair);
            }
        }
        List<JudgementsRecorded.Recorded> candidates = judged.stream().filter(j -> j.outcome() == Outcome.MET && !whole.contains(Pair.of(j))).toList();
        int added = candidates.isEmpty() ? 0 : sql.update(SATISFY_NEW + Sql.placeholders(candidates.size()) + SATISFY_NEW_UNLESS,
                candidates.stream().map(j -> (Object) j.judgementId()).toArray());
        // METs alone cannot take a method's satisfaction away, so pairs derived whole into as many rows as they had hold the same methods
        boolean keptMethods = true;
        if (!whole.isEmpty()) {
            List<Object> scope = new ArrayList<>(enrollments);
            scope.addAll(parameters(whole));
            int deleted = sql.update(UNSATISFY.formatted(Sql.placeholders(enrollments.size()), Sql.idPairs(whole.size())), scope.toArray());
            int derived = sql.update(SATISFY_PAIRS.formatted(Sql.idPairs(whole.size())), parameters(whole).toArray());
            keptMethods = deleted == derived && judged.stream().noneMatch(j -> j.outcome() == Outcome.NOT_YET && whole.contains(Pair.of(j)));
        }
        if (whole.isEmpty() && added == 0) {
            return List.of();
        }
        Changes changes = changes(before, keptMethods ? Set.of() : whole, added == 0 ? List.of() : candidates);
        if (changes.enrollments().isEmpty()) {
            return List.of();
        }
        List<Long> changed = List.copyOf(changes.enrollments());
        String in = "(" + Sql.placeholders(changed.size()) + ")";
        if (changes.removed()) {
            sql.update("DELETE FROM enrollment_progress WHERE enrollment_id IN " + in, changed.toArray());
            sql.update(MEET + "e.enrollment_id IN " + in + MET_BY_ENROLLMENT, changed.toArray());
        } else {
            sql.update(MEET_MORE + "e.enrollment_id IN " + in + MET_BY_ENROLLMENT + MEET_MORE_INTO, changed.toArray());
        }
        List<Long> completing = completing(changed);
        // with satisfactions only added, a COMPLETED enrollment still meets its plan: only those completing change
        if (!changes.removed() && completing.isEmpty()) {
            return completing;
        }
        complete(changed, now);
        return completing;
    }

    /** An (enrollment, indicator) pair. */
    private record Pair(long enrollmentId, long indicatorId) {

        static Pair of(JudgementsRecorded.Recorded judgement) {
            return new Pair(judgement.enrollmentId(), judgement.indicatorId());
        }
    }

    /** A satisfaction: its key (pair and method), the evidence and judgement it names, and the judgement's time. */
    private record Held(Pair pair, String method, long evidenceId, long satisfyingJudgement, Instant judgedAt) {
    }

    /** The enrollments whose met indicators can have changed, and whether any lost a satisfaction (the met can then shrink). */
    private record Changes(Set<Long> enrollments, boolean removed) {
    }

    private static List<Object> parameters(Collection<Pair> pairs) {
        List<Object> parameters = new ArrayList<>(pairs.size() * 2);
        pairs.forEach(pair -> {
            parameters.add(pair.enrollmentId());
            parameters.add(pair.indicatorId());
        });
        return parameters;
    }

    /** The satisfactions of these pairs, by pair. */
    private Map<Pair, List<Held>> satisfied(Collection<Pair> pairs) {
        Map<Pair, List<Held>> held = new HashMap<>();
        sql.query(SATISFIED.formatted(Sql.idPairs(pairs.size())), parameters(pairs), row -> new Held(new Pair(row.getLong(1), row.getLong(2)),
                row.getString(3), row.getLong(4), row.getLong(5), row.getObject(6, OffsetDateTime.class).toInstant()))
                .forEach(satisfaction -> held.computeIfAbsent(satisfaction.pair(), key -> new ArrayList<>()).add(satisfaction));
        return held;
    }

    /**
     * Which enrollments' met indicators can have changed: an indicator is met by the methods that have a satisfaction,
     * whichever evidence satisfies them, so only where a pair derived whole gained or lost a (method) satisfaction, or a
     * new judgement became one. {@code rederived}: the pairs derived whole that may have changed methods (none when they
     * kept them); {@code added}: the judgements that may have become satisfactions. A MET judged again, the commonest
     * case, changes which judgement satisfies, not what is met.
     */
    private Changes changes(Map<Pair, List<Held>> before, Set<Pair> rederived, List<JudgementsRecorded.Recorded> added) {
        Set<Pair> again = new LinkedHashSet<>(rederived);
        added.forEach(j -> again.add(Pair.of(j)));
        Map<Pair, List<Held>> after = again.isEmpty() ? Map.of() : satisfied(again);
        Set<Long> enrollments = new TreeSet<>();
        boolean removed = false;
        for (Pair pair : rederived) {
            Set<String> then = methods(before.get(pair));
            Set<String> now = methods(after.get(pair));
            if (!then.equals(now)) {
                enrollments.add(pair.enrollmentId());
                removed |= !now.containsAll(then);
            }
        }
        // a new judgement that satisfies its pair was inserted by SATISFY_NEW
        Set<Long> newlyAdded = new HashSet<>();
        added.forEach(j -> newlyAdded.add(j.judgementId()));
        after.values().forEach(held -> held.stream().filter(satisfaction -> newlyAdded.contains(satisfaction.satisfyingJudgement()))
                .forEach(satisfaction -> enrollments.add(satisfaction.pair().enrollmentId())));
        return new Changes(enrollments, removed);
    }

    private static Set<String> methods(@Nullable List<Held> held) {
        Set<String> methods = new HashSet<>();
        if (held != null) {
            held.forEach(satisfaction -> methods.add(satisfaction.method()));
        }
        return methods;
    }

    /**
     * Re-derives what these judgements can have changed, whole: per enrollment the satisfactions of exactly these
     * (enrollment, indicator) pairs, so the cost does not grow with the enrollment's history, then its row of met
     * indicators (bounded by its plan) and its completion; answers the enrollments it completed. Those that now meet
     * every indicator become COMPLETED (as of {@code now}), completed ones that no longer do ACTIVE again, unless a
     * valid certificate stands for the completion it certified (an admin revokes it if that was wrong; then
     * re-assessment may re-open it).
     * <p>
     * Concurrent judging of one enrollment is serialized by a row lock on the enrollment, taken first and in id
     * order (so two batches cannot deadlock): the derivation deletes and re-inserts the enrollment's rows, and two
     * transactions doing that at once would each insert what the other just inserted. Once the lock is held, every
     * statement sees the judgements the other transaction committed, so the last to commit derives from all of them.
     */
    List<Long> refresh(Map<Long, Set<Long>> indicatorsByEnrollment, Instant now) {
        List<Long> ids = indicatorsByEnrollment.keySet().stream().sorted().toList();
        List<Long> completed = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<Long, Set<Long>> pairs = new TreeMap<>();
            chunk.forEach(id -> pairs.put(id, indicatorsByEnrollment.get(id)));
            lock(chunk);
            satisfy(pairs);
            completed.addAll(derive(chunk, now));
        }
        return completed;
    }

    /** Every enrollment's progress derived again, for repairs and bulk loads. */
    int rebuild(Instant now) {
        List<Long> all = sql.query("SELECT enrollment_id FROM enrollment ORDER BY enrollment_id", List.of(), row -> row.getLong(1));
        rederive(all, now);
        return all.size();
    }

    /** These enrollments' progress derived again whole, from all their judgements; answers the enrollments it completed. */
    List<Long> rederive(Collection<Long> enrollments, Instant now) {
        List<Long> ids = enrollments.stream().sorted().toList();
        List<Long> completed = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            lock(chunk);
            String in = "(" + Sql.placeholders(chunk.size()) + ")";
            sql.update("DELETE FROM satisfaction WHERE enrollment_id IN " + in, chunk.toArray());
            sql.update(SATISFY + "e.enrollment_id IN " + in + FIRST_MET, chunk.toArray());
            completed.addAll(derive(chunk, now));
        }
        return completed;
    }

    private void lock(List<Long> enrollments) {
        sql.query("SELECT enrollment_id FROM enrollment WHERE enrollment_id IN (" + Sql.placeholders(enrollments.size())
                + ") ORDER BY enrollment_id FOR UPDATE", enrollments, row -> row.getLong(1));
    }

    /** The satisfactions of exactly these (enrollment, indicators) pairs derived again from all their judgements. */
    private void satisfy(Map<Long, Set<Long>> pairs) {
        StringBuilder where = new StringBuilder("(");
        List<Object> parameters = new ArrayList<>();
        pairs.forEach((enrollment, indicators) -> {
            where.append(where.length() == 1 ? "" : " OR ").append("(enrollment_id = ? AND indicator_id IN (")
                    .append(Sql.placeholders(indicators.size())).append("))");
            parameters.add(enrollment);
            parameters.addAll(indicators);
        });
        where.append(')');
        sql.update("DELETE FROM satisfaction WHERE " + where, parameters.toArray());
        sql.update(SATISFY + where.toString().replace("enrollment_id =", "e.enrollment_id =").replace("indicator_id IN", "j.indicator_id IN")
                + FIRST_MET, parameters.toArray());
    }

    /** The met indicators and completion of these enrollments derived again from their satisfactions. */
    private List<Long> derive(List<Long> enrollments, Instant now) {
        String in = "(" + Sql.placeholders(enrollments.size()) + ")";
        sql.update("DELETE FROM enrollment_progress WHERE enrollment_id IN " + in, enrollments.toArray());
        sql.update(MEET + "e.enrollment_id IN " + in + MET_BY_ENROLLMENT, enrollments.toArray());
        List<Long> completing = completing(enrollments);
        complete(enrollments, now);
        return completing;
    }

    /** Which ACTIVE ones meet their plan (and so complete), read under the enrollments' locks, for those who record completions (xAPI). */
    private List<Long> completing(List<Long> enrollments) {
        return sql.query("SELECT enrollment_id FROM enrollment WHERE enrollment_id IN (" + Sql.placeholders(enrollments.size())
                + ") AND status = 'ACTIVE' AND " + PLAN_MET + " ORDER BY enrollment_id", enrollments, row -> row.getLong(1));
    }

    /**
     * One statement both ways: ACTIVE enrollments that now meet their plan complete, COMPLETED ones that no longer do
     * (and hold no certificate) are ACTIVE again; the rest are left as they are.
     */
    private void complete(List<Long> enrollments, Instant now) {
        List<Object> completion = new ArrayList<>(List.of(Timestamp.from(now)));
        completion.addAll(enrollments);
        sql.update("UPDATE enrollment SET status = CASE WHEN " + PLAN_MET + " THEN 'COMPLETED' ELSE 'ACTIVE' END,"
                + " completed_at = CASE WHEN " + PLAN_MET + " THEN CAST(? AS TIMESTAMP WITH TIME ZONE) ELSE NULL END"
                + " WHERE enrollment_id IN (" + Sql.placeholders(enrollments.size()) + ") AND (status = 'ACTIVE' AND " + PLAN_MET
                + " OR status = 'COMPLETED' AND NOT " + PLAN_MET
                + " AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.enrollment_id = enrollment.enrollment_id AND c.revoked_at IS NULL))",
                completion.toArray());
    }
}
