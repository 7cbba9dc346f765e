package tw.training.progress;

import jakarta.inject.Singleton;
import tw.training.database.Sql;
import tw.training.evidence.Standing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final String SATISFY = "INSERT INTO satisfaction (enrollment_id, indicator_id, method, evidence_id, judgement_id, assessor_id, judged_at)"
            + " SELECT enrollment_id, indicator_id, method, evidence_id, judgement_id, assessor_id, judged_at FROM ("
            + " SELECT l.*, ROW_NUMBER() OVER (PARTITION BY l.enrollment_id, l.indicator_id, l.method ORDER BY l.judged_at, l.judgement_id) AS nth"
            + " FROM (SELECT v.enrollment_id, e.revision_id, j.indicator_id, v.method, j.evidence_id, j.judgement_id, j.outcome, j.judged_at, j.assessor_id,"
            + " ROW_NUMBER() OVER (PARTITION BY j.evidence_id, j.indicator_id ORDER BY j.judged_at DESC, j.judgement_id DESC) AS latest"
            + " FROM judgement j JOIN evidence v ON v.evidence_id = j.evidence_id JOIN enrollment e ON e.enrollment_id = v.enrollment_id"
            + " WHERE v.status = 'SUBMITTED' AND " + Standing.JUDGEMENT + " AND ";
    private static final String FIRST_MET = ") l JOIN plan_method p ON p.revision_id = l.revision_id AND p.indicator_id = l.indicator_id"
            + " AND p.method = l.method WHERE l.latest = 1 AND l.outcome = 'MET') s WHERE s.nth = 1";

    /** An indicator is met when none of the methods the plan requires for it lacks a satisfaction. */
    private static final String MEET = "INSERT INTO enrollment_progress (enrollment_id, indicators_met, met_indicators)"
            + " SELECT m.enrollment_id, COUNT(*), ARRAY_AGG(m.indicator_id ORDER BY m.indicator_id) FROM ("
            + " SELECT e.enrollment_id, p.indicator_id FROM enrollment e JOIN plan_method p ON p.revision_id = e.revision_id"
            + " LEFT JOIN satisfaction s ON s.enrollment_id = e.enrollment_id AND s.indicator_id = p.indicator_id AND s.method = p.method"
            + " WHERE ";
    private static final String MET_BY_ENROLLMENT = " GROUP BY e.enrollment_id, p.indicator_id HAVING COUNT(s.method) = COUNT(*)) m"
            + " GROUP BY m.enrollment_id";

    /** An enrollment has met its plan when it has met as many indicators as its plan has. */
    private static final String PLAN_MET = "EXISTS (SELECT 1 FROM enrollment_progress p WHERE p.enrollment_id = enrollment.enrollment_id"
            + " AND p.indicators_met = (SELECT COUNT(*) FROM plan_indicator i WHERE i.revision_id = enrollment.revision_id))";

    private final Sql sql;

    ProgressLedger(Sql sql) {
        this.sql = sql;
    }

    /**
     * Re-derives what these judgements can have changed, in the transaction that recorded them: per enrollment
     * the satisfactions of the judged indicators only, so the cost does not grow with the enrollment's history,
     * then its row of met indicators (bounded by its plan) and its completion; answers the enrollments it completed. Those that now meet every indicator
     * become COMPLETED (as of {@code now}), completed ones that no longer do ACTIVE again, unless a valid certificate
     * stands for the completion it certified (an admin revokes it if that was wrong; then re-assessment may re-open it).
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
            Set<Long> indicators = new TreeSet<>();
            chunk.forEach(id -> indicators.addAll(indicatorsByEnrollment.get(id)));
            lock(chunk);
            completed.addAll(derive(chunk, List.copyOf(indicators), now));
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
            completed.addAll(derive(chunk, null, now));
        }
        return completed;
    }

    private void lock(List<Long> enrollments) {
        sql.query("SELECT enrollment_id FROM enrollment WHERE enrollment_id IN (" + Sql.placeholders(enrollments.size())
                + ") ORDER BY enrollment_id FOR UPDATE", enrollments, row -> row.getLong(1));
    }

    /**
     * The satisfactions of these enrollments for these indicators (all, when {@code null}), then their met
     * indicators and completion. For several enrollments and indicators the pairs re-derived are every
     * combination: more than were judged, which costs a little and changes nothing, as the derivation is exact.
     */
    private List<Long> derive(List<Long> enrollments, List<Long> indicators, Instant now) {
        String in = "(" + Sql.placeholders(enrollments.size()) + ")";
        List<Object> scope = new ArrayList<>(enrollments);
        String indicatorScope = "";
        if (indicators != null) {
            indicatorScope = " AND indicator_id IN (" + Sql.placeholders(indicators.size()) + ")";
            scope.addAll(indicators);
        }
        Object[] parameters = enrollments.toArray();
        sql.update("DELETE FROM satisfaction WHERE enrollment_id IN " + in + indicatorScope, scope.toArray());
        sql.update(SATISFY + "e.enrollment_id IN " + in + indicatorScope.replace("indicator_id", "j.indicator_id") + FIRST_MET, scope.toArray());
        sql.update("DELETE FROM enrollment_progress WHERE enrollment_id IN " + in, parameters);
        sql.update(MEET + "e.enrollment_id IN " + in + MET_BY_ENROLLMENT, parameters);
        // one statement both ways: ACTIVE enrollments that now meet their plan complete, COMPLETED ones that no longer
        // do (and hold no certificate) are ACTIVE again; the rest are left as they are
        // which ACTIVE ones this completes, read under the enrollments' locks, for those who record completions (xAPI)
        List<Long> completing = sql.query("SELECT enrollment_id FROM enrollment WHERE enrollment_id IN " + in + " AND status = 'ACTIVE' AND "
                + PLAN_MET + " ORDER BY enrollment_id", enrollments, row -> row.getLong(1));
        List<Object> completion = new ArrayList<>(List.of(Timestamp.from(now)));
        completion.addAll(enrollments);
        sql.update("UPDATE enrollment SET status = CASE WHEN " + PLAN_MET + " THEN 'COMPLETED' ELSE 'ACTIVE' END,"
                + " completed_at = CASE WHEN " + PLAN_MET + " THEN CAST(? AS TIMESTAMP WITH TIME ZONE) ELSE NULL END"
                + " WHERE enrollment_id IN " + in + " AND (status = 'ACTIVE' AND " + PLAN_MET + " OR status = 'COMPLETED' AND NOT "
                + PLAN_MET + " AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.enrollment_id = enrollment.enrollment_id AND c.revoked_at IS NULL))",
                completion.toArray());
        return completing;
    }
}
