package tw.training.progress;

import jakarta.inject.Singleton;
import tw.training.course.AssessmentMethod;
import tw.training.database.Sql;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The rule of SPEC §5 in SQL, the same on H2 and PostgreSQL: per evidence and indicator the latest judgement
 * (window function), only submitted evidence, only MET; then, for a whole course or any set of enrollments
 * at once, an indicator is met when no method its plan requires lacks such a judgement.
 */
@Singleton
class ProgressQueries {

    /** The latest judgement of each (evidence, indicator) of submitted evidence, restricted by {@code scope}. */
    private static final String LATEST = "SELECT v.enrollment_id, j.indicator_id, v.method, j.evidence_id, j.judgement_id, j.outcome,"
            + " j.judged_at, j.assessor_id, ROW_NUMBER() OVER (PARTITION BY j.evidence_id, j.indicator_id"
            + " ORDER BY j.judged_at DESC, j.judgement_id DESC) AS rn"
            + " FROM judgement j JOIN evidence v ON v.evidence_id = j.evidence_id JOIN enrollment e ON e.enrollment_id = v.enrollment_id"
            + " WHERE v.status = 'SUBMITTED' AND ";

    private final Sql sql;

    ProgressQueries(Sql sql) {
        this.sql = sql;
    }

    record Satisfied(long indicatorId, AssessmentMethod method, long evidenceId, long judgementId, String assessor, Instant judgedAt) {
    }

    /** Every MET latest judgement of one enrollment, oldest first: the reasons behind its progress. */
    List<Satisfied> satisfactions(long enrollmentId) {
        return sql.query("SELECT x.*, u.username FROM (" + LATEST + "v.enrollment_id = ?) x JOIN app_user u ON u.user_id = x.assessor_id"
                + " WHERE x.rn = 1 AND x.outcome = 'MET' ORDER BY x.judged_at, x.judgement_id", List.of(enrollmentId),
                row -> new Satisfied(row.getLong("indicator_id"), AssessmentMethod.valueOf(row.getString("method")),
                        row.getLong("evidence_id"), row.getLong("judgement_id"), row.getString("username"),
                        row.getTimestamp("judged_at").toInstant()));
    }

    /** An enrollment and an indicator of its plan that it has met. */
    record Met(long enrollmentId, String indicator) {
    }

    /** Every met indicator of every enrollment of a course, in one statement. */
    List<Met> metInCourse(long courseId) {
        return sql.query(met("e.course_id = ?") + " SELECT m.enrollment_id, s.code AS standard_code, i.code FROM met m"
                + " JOIN indicator i ON i.indicator_id = m.indicator_id JOIN standard s ON s.standard_id = i.standard_id"
                + " ORDER BY m.enrollment_id, s.code, i.task_id, i.sort_order", List.of(courseId, courseId),
                row -> new Met(row.getLong("enrollment_id"), row.getString("standard_code") + ":" + row.getString("code")));
    }

    /** An enrollment with how many of its plan's indicators it has met, of how many. */
    record Count(long enrollmentId, int met, int total) {
    }

    /** Met and total indicators of the given enrollments, in one statement. */
    List<Count> counts(Collection<Long> enrollmentIds) {
        if (enrollmentIds.isEmpty()) {
            return List.of();
        }
        String in = "e.enrollment_id IN (" + Sql.placeholders(enrollmentIds.size()) + ")";
        List<Object> parameters = new java.util.ArrayList<>(enrollmentIds);
        parameters.addAll(enrollmentIds);
        parameters.addAll(enrollmentIds);
        // met is joined, not asked per enrollment: a correlated subquery would run the whole aggregate per row
        return sql.query(met(in) + " SELECT e.enrollment_id, COUNT(p.indicator_id) AS total, COUNT(m.indicator_id) AS met_count"
                + " FROM enrollment e JOIN plan_indicator p ON p.revision_id = e.revision_id"
                + " LEFT JOIN met m ON m.enrollment_id = e.enrollment_id AND m.indicator_id = p.indicator_id WHERE " + in
                + " GROUP BY e.enrollment_id", parameters,
                row -> new Count(row.getLong("enrollment_id"), row.getInt("met_count"), row.getInt("total")));
    }

    /**
     * {@code WITH … met}: the (enrollment, indicator) pairs met, for enrollments matching {@code scope}
     * (which takes one set of parameters per use: in the latest judgements and in the plan).
     */
    private static String met(String scope) {
        return "WITH latest AS (" + LATEST + scope + "),"
                + " satisfied AS (SELECT DISTINCT enrollment_id, indicator_id, method FROM latest WHERE rn = 1 AND outcome = 'MET'),"
                + " required AS (SELECT e.enrollment_id, m.indicator_id, m.method FROM enrollment e"
                + " JOIN plan_method m ON m.revision_id = e.revision_id WHERE " + scope + "),"
                + " met AS (SELECT r.enrollment_id, r.indicator_id FROM required r LEFT JOIN satisfied s"
                + " ON s.enrollment_id = r.enrollment_id AND s.indicator_id = r.indicator_id AND s.method = r.method"
                + " GROUP BY r.enrollment_id, r.indicator_id HAVING COUNT(s.method) = COUNT(*))";
    }

    void markCompleted(Collection<Long> enrollmentIds, Instant now) {
        if (!enrollmentIds.isEmpty()) {
            List<Object> parameters = new java.util.ArrayList<>(List.of(java.sql.Timestamp.from(now)));
            parameters.addAll(enrollmentIds);
            sql.update("UPDATE enrollment SET status = 'COMPLETED', completed_at = ? WHERE status = 'ACTIVE' AND enrollment_id IN ("
                    + Sql.placeholders(enrollmentIds.size()) + ")", parameters.toArray());
        }
    }

    void markIncomplete(Collection<Long> enrollmentIds) {
        if (!enrollmentIds.isEmpty()) {
            sql.update("UPDATE enrollment SET status = 'ACTIVE', completed_at = NULL WHERE status = 'COMPLETED' AND enrollment_id IN ("
                    + Sql.placeholders(enrollmentIds.size()) + ")", enrollmentIds.toArray());
        }
    }
}
