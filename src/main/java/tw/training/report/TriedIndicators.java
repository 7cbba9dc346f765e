package tw.training.report;

import jakarta.inject.Singleton;
import tw.training.database.Sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each learner of a course has tried short of meeting it: the indicators their submitted evidence claims, and
 * whether a claim still awaits its first judgement. One grouped read for the whole course, in the caller's
 * transaction; the heat map shows the learner's partial progress with it.
 */
@Singleton
class TriedIndicators {

    private final Sql sql;

    TriedIndicators(Sql sql) {
        this.sql = sql;
    }

    /** A learner's claims on an indicator ("KPS5294-001v4:P2.3.1"): how many, how many never judged. */
    record Tried(long enrollmentId, String indicator, int claims, int awaiting) {
    }

    /** By enrollment, then by indicator. */
    Map<Long, Map<String, Tried>> ofCourse(long courseId) {
        Map<Long, Map<String, Tried>> tried = new HashMap<>();
        List<Tried> rows = sql.query("SELECT v.enrollment_id, s.code AS standard_code, i.code, COUNT(*) AS claims,"
                        + " SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM judgement j WHERE j.evidence_id = c.evidence_id"
                        + " AND j.indicator_id = c.indicator_id) THEN 1 ELSE 0 END) AS awaiting"
                        + " FROM enrollment e JOIN evidence v ON v.enrollment_id = e.enrollment_id"
                        + " JOIN evidence_indicator c ON c.evidence_id = v.evidence_id JOIN indicator i ON i.indicator_id = c.indicator_id"
                        + " JOIN standard s ON s.standard_id = i.standard_id"
                        + " WHERE e.course_id = ? AND v.status = 'SUBMITTED' GROUP BY v.enrollment_id, s.code, i.code",
                List.of(courseId), row -> new Tried(row.getLong("enrollment_id"), row.getString("standard_code") + ":" + row.getString("code"),
                        row.getInt("claims"), row.getInt("awaiting")));
        rows.forEach(row -> tried.computeIfAbsent(row.enrollmentId(), id -> new HashMap<>()).put(row.indicator(), row));
        return tried;
    }
}
