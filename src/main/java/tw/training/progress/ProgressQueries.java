package tw.training.progress;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.course.AssessmentMethod;
import tw.training.database.Sql;
import tw.training.evidence.Standing;
import tw.training.enrollment.EnrollmentStatus;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the progress {@link ProgressLedger} keeps. Plain SQL, not a repository: the cohort is streamed a thousand rows
 * at a time with its met indicators as an array column, and the reads of one enrollment sit on the ledger's own tables.
 */
@Singleton
class ProgressQueries {

    /** Rows fetched at a time for a cohort: a few hundred KB from the driver, however large the course. */
    private static final int COHORT_FETCH = 1_000;
    /** A piece without a stated day of performance was performed, for the currency rule, on the day it came in Taiwan. */
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    private final Sql sql;

    ProgressQueries(Sql sql) {
        this.sql = sql;
    }

    /**
     * What satisfies each required method of one enrollment's indicators, by indicator id, oldest judgement first, with
     * what each judgement recorded of the rules of evidence; and when {@code notes} is given, in the same read, each
     * satisfying judgement's evidence title and comment into it.
     */
    Map<Long, List<Satisfaction>> satisfactions(long enrollmentId, @Nullable Map<Long, MetNote> notes) {
        Map<Long, List<Satisfaction>> byIndicator = new HashMap<>();
        sql.query("SELECT s.indicator_id, s.method, s.evidence_id, s.judgement_id, s.judged_at, u.username, v.title, v.submitted_at,"
                        + " v.performed_on, j.comment, j.authenticity, j.evidence_pieces, j.evidence_methods, j.rules_overridden, j.override_reason,"
                        + " o.judgement_id AS original_id, os.code || ':' || oi.code AS original_indicator, ou.username AS original_assessor,"
                        + " o.judged_at AS original_judged_at"
                        + " FROM satisfaction s JOIN app_user u ON u.user_id = s.assessor_id"
                        + " JOIN judgement j ON j.judgement_id = s.judgement_id JOIN evidence v ON v.evidence_id = s.evidence_id"
                        // a judgement a move carried names its original: the older indicator it met, by whom, when
                        + " LEFT JOIN judgement o ON o.judgement_id = j.carried_from LEFT JOIN indicator oi ON oi.indicator_id = o.indicator_id"
                        + " LEFT JOIN standard os ON os.standard_id = oi.standard_id LEFT JOIN app_user ou ON ou.user_id = o.assessor_id"
                        + " WHERE s.enrollment_id = ? ORDER BY s.judged_at, s.judgement_id", List.of(enrollmentId), row -> {
                    java.sql.Date performed = row.getDate("performed_on");
                    Satisfaction satisfaction = new Satisfaction(AssessmentMethod.valueOf(row.getString("method")), row.getLong("evidence_id"),
                            row.getLong("judgement_id"), row.getString("username"), row.getTimestamp("judged_at").toInstant(),
                            performed != null ? performed.toLocalDate() : LocalDate.ofInstant(row.getTimestamp("submitted_at").toInstant(), TAIPEI),
                            row.getString("authenticity"), row.getObject("evidence_pieces", Integer.class), row.getObject("evidence_methods", Integer.class),
                            row.getString("rules_overridden"), row.getString("override_reason"), carried(row));
                    byIndicator.computeIfAbsent(row.getLong("indicator_id"), key -> new ArrayList<>(2)).add(satisfaction);
                    if (notes != null) {
                        notes.put(satisfaction.judgementId(), new MetNote(row.getString("title"), row.getString("comment")));
                    }
                    return satisfaction;
                });
        return byIndicator;
    }

    /**
     * The enrollment's claims still open: of its submitted evidence, on an indicator and method no satisfaction holds
     * yet, never judged or last judged NOT_YET (latest by time, then id, as the ledger reads them). Each claim's
     * latest judgement is one look-up in {@code judgement_latest}; the claims already satisfied are never read.
     */
    List<OpenClaim> openClaims(long enrollmentId) {
        return sql.query("SELECT v.evidence_id, v.title, v.method, s.code AS standard_code, i.code, j.judgement_id, j.comment, j.judged_at,"
                        + " u.username, ms.code || ':' || mi.code AS moved_from FROM evidence v JOIN evidence_indicator c ON c.evidence_id = v.evidence_id"
                        + " JOIN indicator i ON i.indicator_id = c.indicator_id JOIN standard s ON s.standard_id = i.standard_id"
                        + " LEFT JOIN indicator mi ON mi.indicator_id = c.moved_from LEFT JOIN standard ms ON ms.standard_id = mi.standard_id"
                        + " LEFT JOIN judgement j ON j.judgement_id = (SELECT l.judgement_id FROM judgement l WHERE l.evidence_id = c.evidence_id"
                        + " AND l.indicator_id = c.indicator_id AND " + Standing.of("l") + " ORDER BY l.judged_at DESC, l.judgement_id DESC FETCH FIRST 1 ROW ONLY)"
                        + " LEFT JOIN app_user u ON u.user_id = j.assessor_id"
                        + " WHERE v.enrollment_id = ? AND v.status = 'SUBMITTED' AND " + Standing.CLAIM + " AND (j.judgement_id IS NULL OR j.outcome = 'NOT_YET')"
                        + " AND NOT EXISTS (SELECT 1 FROM satisfaction t WHERE t.enrollment_id = v.enrollment_id AND t.indicator_id = c.indicator_id"
                        + " AND t.method = v.method)"
                        + " ORDER BY v.submitted_at, v.evidence_id, i.task_id, i.sort_order",
                List.of(enrollmentId), row -> {
                    long judgement = row.getLong("judgement_id");
                    boolean judged = !row.wasNull();
                    return new OpenClaim(row.getLong("evidence_id"), row.getString("title"), AssessmentMethod.valueOf(row.getString("method")),
                            row.getString("standard_code") + ":" + row.getString("code"), judged ? judgement : null, row.getString("comment"),
                            row.getString("username"), instant(row.getTimestamp("judged_at")), row.getString("moved_from"));
                });
    }

    private static Satisfaction.Carried carried(java.sql.ResultSet row) throws java.sql.SQLException {
        long original = row.getLong("original_id");
        return row.wasNull() ? null : new Satisfaction.Carried(original, row.getString("original_indicator"), row.getString("original_assessor"),
                row.getTimestamp("original_judged_at").toInstant());
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
                        Sql.longs(row.getArray("met_indicators")))));
    }

    /** An enrollment of one learner: its plan's revision and how many indicators it has met. */
    record Learned(long enrollmentId, long revisionId, int met) {
    }

    /** Every enrollment of one learner with its count of met indicators, in one read. */
    List<Learned> ofLearner(long learnerId) {
        return sql.query("SELECT e.enrollment_id, e.revision_id, p.met_indicators FROM enrollment e"
                        + " LEFT JOIN enrollment_progress p ON p.enrollment_id = e.enrollment_id WHERE e.learner_id = ?", List.of(learnerId),
                row -> new Learned(row.getLong("enrollment_id"), row.getLong("revision_id"), Sql.longs(row.getArray("met_indicators")).length));
    }

    private static Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
