package tw.training.progress;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.course.AssessmentMethod;
import tw.training.database.Sql;
import tw.training.enrollment.EnrollmentStatus;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads the progress {@link ProgressLedger} keeps. */
@Singleton
class ProgressQueries {

    /** Rows fetched at a time for a cohort: a few hundred KB from the driver, however large the course. */
    private static final int COHORT_FETCH = 1_000;

    private final Sql sql;

    ProgressQueries(Sql sql) {
        this.sql = sql;
    }

    /** What satisfies each required method of one enrollment's indicators, by indicator id, oldest judgement first. */
    Map<Long, List<Satisfaction>> satisfactions(long enrollmentId) {
        Map<Long, List<Satisfaction>> byIndicator = new HashMap<>();
        sql.query("SELECT s.indicator_id, s.method, s.evidence_id, s.judgement_id, s.judged_at, u.username FROM satisfaction s"
                + " JOIN app_user u ON u.user_id = s.assessor_id WHERE s.enrollment_id = ? ORDER BY s.judged_at, s.judgement_id", List.of(enrollmentId),
                row -> byIndicator.computeIfAbsent(row.getLong("indicator_id"), key -> new ArrayList<>(2)).add(new Satisfaction(
                        AssessmentMethod.valueOf(row.getString("method")), row.getLong("evidence_id"), row.getLong("judgement_id"),
                        row.getString("username"), row.getTimestamp("judged_at").toInstant())));
        return byIndicator;
    }

    /** An enrollment of a cohort, with the ids of the indicators it has met. */
    record Member(long enrollmentId, long revisionId, String username, String displayName, EnrollmentStatus status,
                  @Nullable Instant completedAt, long[] met) {
    }

    /**
     * Every enrollment of a course with its met indicators, by username, handed to {@code member} as the rows
     * arrive: one indexed read, no aggregate.
     */
    void cohort(long courseId, Consumer<Member> member) {
        sql.forEach("SELECT e.enrollment_id, e.revision_id, e.status, e.completed_at, u.username, u.display_name, p.met_indicators FROM enrollment e"
                + " JOIN app_user u ON u.user_id = e.learner_id LEFT JOIN enrollment_progress p ON p.enrollment_id = e.enrollment_id"
                + " WHERE e.course_id = ? ORDER BY u.username", List.of(courseId), COHORT_FETCH,
                row -> member.accept(new Member(row.getLong("enrollment_id"), row.getLong("revision_id"), row.getString("username"),
                        row.getString("display_name"), EnrollmentStatus.valueOf(row.getString("status")), instant(row.getTimestamp("completed_at")),
                        ids(row.getArray("met_indicators")))));
    }

    /** An enrollment of one learner: its plan's revision and how many indicators it has met. */
    record Learned(long enrollmentId, long revisionId, int met) {
    }

    /** Every enrollment of one learner with its count of met indicators, in one read. */
    List<Learned> ofLearner(long learnerId) {
        return sql.query("SELECT e.enrollment_id, e.revision_id, p.met_indicators FROM enrollment e"
                        + " LEFT JOIN enrollment_progress p ON p.enrollment_id = e.enrollment_id WHERE e.learner_id = ?", List.of(learnerId),
                row -> new Learned(row.getLong("enrollment_id"), row.getLong("revision_id"), ids(row.getArray("met_indicators")).length));
    }

    private static Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** H2 answers Object[] of Long, PostgreSQL Long[]: both are arrays of numbers. */
    private static long[] ids(Array array) throws SQLException {
        if (array == null) {
            return new long[0];
        }
        Object[] values = (Object[]) array.getArray();
        long[] ids = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            ids[i] = ((Number) values[i]).longValue();
        }
        array.free();
        return ids;
    }
}
