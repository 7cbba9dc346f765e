package tw.training.moderation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Samples, their populations and items; and the reads moderation makes of judgements: a period's population, the
 * first attempts and the second-marked pairs the statistics compare. The machine's scoring of written tests ('(system)')
 * and the judgements that resolved a disagreement are nobody's first marking, so they are left out of both.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ModerationRepository extends GenericRepository<SampleRow, Long> {

    String HUMAN_FIRST_MARKING = " JOIN app_user a ON a.user_id = j.assessor_id AND a.username <> '(system)'"
            + " WHERE e.course_id = :courseId AND j.judged_at >= :from AND j.judged_at < :until"
            + " AND NOT EXISTS (SELECT 1 FROM moderation_item r WHERE r.resolution_judgement_id = j.judgement_id)";
    String IN_COURSE = " FROM judgement j JOIN evidence v ON v.evidence_id = j.evidence_id JOIN enrollment e ON e.enrollment_id = v.enrollment_id";

    SampleRow save(SampleRow row);

    Optional<SampleRow> findById(long sampleId);

    Optional<SampleRow> findBySubmissionKey(String submissionKey);

    List<SampleRow> findByCourseIdOrderByIdDesc(long courseId);

    /** A judgement of a period's population, with its stratum. */
    @Introspected
    record Judged(long judgementId, long assessorId, long indicatorId) {
    }

    /** The judgements of a course made from {@code from} until before {@code until}, by people, in id order. */
    @Query("SELECT j.judgement_id, j.assessor_id, j.indicator_id" + IN_COURSE + HUMAN_FIRST_MARKING + " ORDER BY j.judgement_id")
    List<Judged> population(long courseId, Instant from, Instant until);

    /** A first attempt: the earliest judgement of a piece of evidence against an indicator. */
    @Introspected
    record FirstAttempt(long assessorId, long indicatorId, String outcome) {
    }

    @Query("SELECT j.assessor_id, j.indicator_id, j.outcome" + IN_COURSE + HUMAN_FIRST_MARKING
            + " AND NOT EXISTS (SELECT 1 FROM judgement b WHERE b.evidence_id = j.evidence_id AND b.indicator_id = j.indicator_id"
            + " AND (b.judged_at < j.judged_at OR (b.judged_at = j.judged_at AND b.judgement_id < j.judgement_id)))")
    List<FirstAttempt> firstAttempts(long courseId, Instant from, Instant until);

    /** A second-marked pair: the first assessor and outcome, and the second marker's. */
    @Introspected
    record Pair(long assessorId, String firstOutcome, String secondOutcome) {
    }

    @Query("SELECT j.assessor_id, j.outcome AS first_outcome, m.second_outcome FROM moderation_item m"
            + " JOIN moderation_sample s ON s.sample_id = m.sample_id JOIN judgement j ON j.judgement_id = m.judgement_id"
            + " WHERE s.course_id = :courseId AND m.second_outcome IS NOT NULL AND j.judged_at >= :from AND j.judged_at < :until")
    List<Pair> pairs(long courseId, Instant from, Instant until);

    /** The people named in statistics and items. */
    @Introspected
    record Person(long userId, String username, String displayName) {
    }

    @Query("SELECT user_id, username, display_name FROM app_user WHERE user_id IN (:ids)")
    List<Person> people(Collection<Long> ids);

    /** A sampled judgement as the moderator sees it, with the first marking (which the service hides until they decide). */
    @Introspected
    record Item(long itemId, long sampleId, long courseId, long judgementId, long evidenceId, long learnerId, String learner, String method,
                String title, @Nullable String description, @Nullable LocalDate performedOn, Instant submittedAt, String evidenceStatus,
                long indicatorId, String indicator, String indicatorText, long firstAssessorId, String firstAssessor, String firstOutcome,
                @Nullable String firstComment, Instant firstJudgedAt, @Nullable String secondOutcome, @Nullable String secondComment,
                @Nullable Long secondBy, @Nullable String secondMarker, @Nullable Instant secondAt, @Nullable Long resolutionJudgementId,
                @Nullable String resolutionOutcome, @Nullable String resolutionReason, @Nullable String resolver, @Nullable Instant resolvedAt) {
    }

    String ITEM = "SELECT m.item_id, m.sample_id, s.course_id, j.judgement_id, v.evidence_id, e.learner_id, l.display_name AS learner, v.method,"
            + " v.title, v.description, v.performed_on, v.submitted_at, v.status AS evidence_status, i.indicator_id,"
            + " st.code || ':' || i.code AS indicator, i.content AS indicator_text, j.assessor_id AS first_assessor_id,"
            + " a.display_name AS first_assessor, j.outcome AS first_outcome, j.comment AS first_comment, j.judged_at AS first_judged_at,"
            + " m.second_outcome, m.second_comment, m.second_by, sm.display_name AS second_marker, m.second_at, m.resolution_judgement_id,"
            + " rj.outcome AS resolution_outcome, rj.comment AS resolution_reason, ru.display_name AS resolver, m.resolved_at"
            + " FROM moderation_item m JOIN moderation_sample s ON s.sample_id = m.sample_id"
            + " JOIN judgement j ON j.judgement_id = m.judgement_id JOIN evidence v ON v.evidence_id = j.evidence_id"
            + " JOIN enrollment e ON e.enrollment_id = v.enrollment_id JOIN app_user l ON l.user_id = e.learner_id"
            + " JOIN indicator i ON i.indicator_id = j.indicator_id JOIN standard st ON st.standard_id = i.standard_id"
            + " JOIN app_user a ON a.user_id = j.assessor_id LEFT JOIN app_user sm ON sm.user_id = m.second_by"
            + " LEFT JOIN judgement rj ON rj.judgement_id = m.resolution_judgement_id LEFT JOIN app_user ru ON ru.user_id = m.resolved_by ";

    @Query(ITEM + "WHERE m.sample_id = :sampleId ORDER BY m.item_id")
    List<Item> items(long sampleId);

    @Query(ITEM + "WHERE m.item_id = :itemId")
    Optional<Item> item(long itemId);

    /** Records the blind second marking once: answers 0 when someone already marked the item. */
    @Query("UPDATE moderation_item SET second_outcome = :outcome, second_comment = :comment, second_by = :by, second_at = :at"
            + " WHERE item_id = :itemId AND second_outcome IS NULL")
    int markSecond(long itemId, String outcome, @Nullable String comment, long by, Instant at);

    /** Records the judgement that resolved a disagreement once: answers 0 when it was already resolved. */
    @Query("UPDATE moderation_item SET resolution_judgement_id = :judgementId, resolved_by = :by, resolved_at = :at"
            + " WHERE item_id = :itemId AND resolution_judgement_id IS NULL AND second_outcome IS NOT NULL")
    int resolve(long itemId, long judgementId, long by, Instant at);

    /** A course's samples with how far each has gone. */
    @Introspected
    record Progress(long sampleId, long items, long marked, long disagreements, long resolved) {
    }

    @Query("SELECT s.sample_id, COUNT(m.item_id) AS items, COUNT(m.second_outcome) AS marked,"
            + " SUM(CASE WHEN m.second_outcome IS NOT NULL AND m.second_outcome <> j.outcome THEN 1 ELSE 0 END) AS disagreements,"
            + " COUNT(m.resolution_judgement_id) AS resolved FROM moderation_sample s JOIN moderation_item m ON m.sample_id = s.sample_id"
            + " JOIN judgement j ON j.judgement_id = m.judgement_id WHERE s.course_id = :courseId GROUP BY s.sample_id")
    List<Progress> progress(long courseId);
}
