package tw.training.report;

import jakarta.inject.Singleton;
import tw.training.database.Sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of evidence assessors set aside, with their reasons, on the judgements that satisfy a course's learners'
 * indicators: one read for the whole course, in the caller's transaction. A learner absent kept every rule.
 */
@Singleton
class SetAsideRules {

    private final Sql sql;

    SetAsideRules(Sql sql) {
        this.sql = sql;
    }

    /** By enrollment: each satisfying judgement that set rules aside, ordered by indicator. */
    Map<Long, List<CertificationReport.SetAside>> ofCourse(long courseId) {
        Map<Long, List<CertificationReport.SetAside>> byEnrollment = new HashMap<>();
        sql.query("SELECT s.enrollment_id, st.code AS standard_code, i.code, j.judgement_id, j.rules_overridden, j.override_reason"
                        + " FROM satisfaction s JOIN enrollment e ON e.enrollment_id = s.enrollment_id"
                        + " JOIN judgement j ON j.judgement_id = s.judgement_id JOIN indicator i ON i.indicator_id = s.indicator_id"
                        + " JOIN standard st ON st.standard_id = i.standard_id"
                        + " WHERE e.course_id = ? AND j.rules_overridden IS NOT NULL ORDER BY s.enrollment_id, st.code, i.sort_order, j.judgement_id",
                List.of(courseId), row -> {
                    CertificationReport.SetAside setAside = new CertificationReport.SetAside(row.getString("standard_code") + ":" + row.getString("code"),
                            row.getLong("judgement_id"), List.of(row.getString("rules_overridden").split(",")), row.getString("override_reason"));
                    byEnrollment.computeIfAbsent(row.getLong("enrollment_id"), id -> new ArrayList<>()).add(setAside);
                    return setAside;
                });
        return byEnrollment;
    }
}
