package tw.training.notification;

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

/** Notifications, the choices about them, and what the events that cause them need to know, read by the set. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface NotificationRepository extends GenericRepository<Notification, Long> {

    List<Notification> saveAll(Iterable<Notification> notifications);

    Optional<Notification> findById(long id);

    @Query("SELECT * FROM notification WHERE user_id = :userId AND notification_id < :before ORDER BY notification_id DESC FETCH FIRST :limit ROWS ONLY")
    List<Notification> newest(long userId, long before, int limit);

    @Query("SELECT COUNT(*) FROM notification WHERE user_id = :userId AND read_at IS NULL")
    long unread(long userId);

    @Query("UPDATE notification SET read_at = :now WHERE notification_id = :id AND user_id = :userId AND read_at IS NULL")
    int markRead(long id, long userId, Instant now);

    @Query("UPDATE notification SET read_at = :now WHERE user_id = :userId AND read_at IS NULL")
    int markAllRead(long userId, Instant now);

    /** A user's choice for a kind. */
    @Introspected
    record Choice(long userId, String kind, Delivery delivery) {
    }

    @Query("SELECT user_id, kind, delivery FROM notification_preference WHERE user_id IN (:userIds)")
    List<Choice> choices(Collection<Long> userIds);

    /** Sets a choice: the row made if there was none (two requests at once make one), then set. */
    default void choose(long userId, String kind, String delivery) {
        offerChoice(userId, kind, delivery);
        setChoice(userId, kind, delivery);
    }

    @Query("INSERT INTO notification_preference (user_id, kind, delivery) VALUES (:userId, :kind, :delivery) ON CONFLICT DO NOTHING")
    void offerChoice(long userId, String kind, String delivery);

    @Query("UPDATE notification_preference SET delivery = :delivery WHERE user_id = :userId AND kind = :kind")
    void setChoice(long userId, String kind, String delivery);

    /** Who receives a notification, as mail to them needs it; the disabled receive none. */
    @Introspected
    record Recipient(long userId, String username, String displayName, String email, String language) {
    }

    @Query("SELECT user_id, username, display_name, email, language FROM app_user WHERE user_id IN (:userIds) AND enabled = TRUE")
    List<Recipient> recipients(Collection<Long> userIds);

    @Query("SELECT setting_value FROM app_setting WHERE name = 'notifications.link-key'")
    Optional<String> linkKey();

    /** Sets the link key unless it is set; an instance doing so at the same time waits for this one's row, then finds it set. */
    @Query("UPDATE app_setting SET setting_value = :key WHERE name = 'notifications.link-key' AND setting_value IS NULL")
    int offerLinkKey(String key);

    /** A judgement as its learner is told of it (the scoring machine's judgements are not told: the learner saw the result). */
    @Introspected
    record Judged(long judgementId, long evidenceId, String title, long learnerId, long enrollmentId, String code, String outcome,
                  @Nullable String comment, String assessor) {
    }

    @Query("SELECT j.judgement_id, v.evidence_id, v.title, e.learner_id, e.enrollment_id, i.code, j.outcome, j.comment, a.display_name AS assessor"
            + " FROM judgement j JOIN evidence v ON v.evidence_id = j.evidence_id JOIN enrollment e ON e.enrollment_id = v.enrollment_id"
            + " JOIN indicator i ON i.indicator_id = j.indicator_id JOIN app_user a ON a.user_id = j.assessor_id"
            + " WHERE j.judgement_id IN (:judgementIds) AND a.username <> '(system)' ORDER BY v.evidence_id, i.task_id, i.sort_order")
    List<Judged> judged(Collection<Long> judgementIds);

    /**
     * An indicator judgements met: every method the enrollment's plan requires for it is satisfied, and one of those
     * satisfactions is one of the judgements (before it, that method was not satisfied, so the indicator was not met).
     * Read by the satisfactions' key (enrollment, indicator) from each judgement: {@code judgement_id} has no index,
     * and a scan of every satisfaction per judgement made judging 50 times slower on 10,000 learners.
     */
    @Introspected
    record NewlyMet(long enrollmentId, long learnerId, String courseTitle, String code, String content) {
    }

    @Query("SELECT DISTINCT s.enrollment_id, e.learner_id, c.title AS course_title, i.code, i.content, i.task_id, i.sort_order FROM judgement j"
            + " JOIN evidence v ON v.evidence_id = j.evidence_id"
            + " JOIN satisfaction s ON s.enrollment_id = v.enrollment_id AND s.indicator_id = j.indicator_id AND s.judgement_id = j.judgement_id"
            + " JOIN enrollment e ON e.enrollment_id = s.enrollment_id JOIN course c ON c.course_id = e.course_id"
            + " JOIN indicator i ON i.indicator_id = s.indicator_id"
            + " WHERE j.judgement_id IN (:judgementIds)"
            + " AND NOT EXISTS (SELECT 1 FROM plan_method p WHERE p.revision_id = e.revision_id AND p.indicator_id = s.indicator_id"
            + " AND NOT EXISTS (SELECT 1 FROM satisfaction t WHERE t.enrollment_id = s.enrollment_id AND t.indicator_id = p.indicator_id"
            + " AND t.method = p.method)) ORDER BY s.enrollment_id, i.task_id, i.sort_order")
    List<NewlyMet> newlyMet(Collection<Long> judgementIds);

    /** The enrollments these judgements completed and that are still completed as of them (completed at their time). */
    @Query("SELECT DISTINCT e.enrollment_id FROM judgement j JOIN evidence v ON v.evidence_id = j.evidence_id"
            + " JOIN enrollment e ON e.enrollment_id = v.enrollment_id"
            + " WHERE j.judgement_id IN (:judgementIds) AND e.status = 'COMPLETED' AND e.completed_at = j.judged_at ORDER BY e.enrollment_id")
    List<Long> completedBy(Collection<Long> judgementIds);

    /** An enrollment: its learner, its course, and each trainer of the course (the owner and those named on it). */
    @Introspected
    record Enrolled(long enrollmentId, long learnerId, String learnerName, long courseId, String courseCode, String courseTitle,
                    @Nullable Long trainerId) {
    }

    @Query("SELECT e.enrollment_id, e.learner_id, u.display_name AS learner_name, c.course_id, c.code AS course_code, c.title AS course_title,"
            + " t.user_id AS trainer_id FROM enrollment e JOIN app_user u ON u.user_id = e.learner_id JOIN course c ON c.course_id = e.course_id"
            + " LEFT JOIN (SELECT course_id, owner_id AS user_id FROM course UNION SELECT course_id, user_id FROM course_trainer) t"
            + " ON t.course_id = c.course_id WHERE e.enrollment_id IN (:enrollmentIds)")
    List<Enrolled> enrolled(Collection<Long> enrollmentIds);

    @Query("SELECT number FROM certificate WHERE enrollment_id = :enrollmentId ORDER BY issued_at DESC FETCH FIRST 1 ROWS ONLY")
    Optional<String> latestCertificate(long enrollmentId);

    /** A learner enrolled (and studying) in a course. */
    @Introspected
    record Learner(long learnerId, String courseTitle) {
    }

    @Query("SELECT e.learner_id, c.title AS course_title FROM enrollment e JOIN course c ON c.course_id = e.course_id"
            + " WHERE e.course_id = :courseId AND e.status = 'ACTIVE'")
    List<Learner> learnersOf(long courseId);

    /** A learner to remind that a test closes soon: enrolled, without a closed attempt at it, not yet reminded. */
    @Introspected
    record Closing(long testId, String title, Instant closesAt, String courseTitle, long learnerId) {
    }

    @Query("SELECT t.test_id, t.title, t.closes_at, c.title AS course_title, e.learner_id FROM written_test t"
            + " JOIN course c ON c.course_id = t.course_id JOIN enrollment e ON e.course_id = t.course_id AND e.status = 'ACTIVE'"
            + " WHERE t.closes_at > :now AND t.closes_at <= :until"
            + " AND NOT EXISTS (SELECT 1 FROM attempt a WHERE a.test_id = t.test_id AND a.enrollment_id = e.enrollment_id AND a.status <> 'OPEN')"
            + " AND NOT EXISTS (SELECT 1 FROM test_reminder r WHERE r.test_id = t.test_id AND r.learner_id = e.learner_id)"
            + " ORDER BY t.test_id, e.learner_id")
    List<Closing> closing(Instant now, Instant until);

    /** Claims the reminder of a learner for a test: 1 when this call claimed it, 0 when it was claimed before. */
    @Query("INSERT INTO test_reminder (test_id, learner_id, reminded_at) VALUES (:testId, :learnerId, :now) ON CONFLICT DO NOTHING")
    int claimReminder(long testId, long learnerId, Instant now);

    /** The notifications a user's digest gathers, the oldest first. */
    @Query("SELECT * FROM notification WHERE user_id = :userId AND delivery = 'DIGEST' AND digested_at IS NULL ORDER BY notification_id")
    List<Notification> undigested(long userId);

    @Query("UPDATE notification SET digested_at = :now WHERE notification_id IN (:ids)")
    void digested(Collection<Long> ids, Instant now);

    @Query("SELECT DISTINCT user_id FROM notification WHERE delivery = 'DIGEST' AND digested_at IS NULL")
    List<Long> withUndigested();

    /** Evidence waiting for a judgement in a course, as one of its trainers is told of it. */
    @Introspected
    record Awaiting(long trainerId, long courseId, String code, String title, long pieces, Instant oldest) {
    }

    @Query("SELECT t.user_id AS trainer_id, c.course_id, c.code, c.title, COUNT(DISTINCT v.evidence_id) AS pieces, MIN(v.submitted_at) AS oldest"
            + " FROM evidence v JOIN enrollment e ON e.enrollment_id = v.enrollment_id JOIN course c ON c.course_id = e.course_id"
            + " JOIN (SELECT course_id, owner_id AS user_id FROM course UNION SELECT course_id, user_id FROM course_trainer) t ON t.course_id = c.course_id"
            + " WHERE v.status = 'SUBMITTED' AND e.status <> 'WITHDRAWN' AND EXISTS (SELECT 1 FROM evidence_indicator ci WHERE ci.evidence_id = v.evidence_id"
            + " AND NOT EXISTS (SELECT 1 FROM judgement j WHERE j.evidence_id = ci.evidence_id AND j.indicator_id = ci.indicator_id))"
            + " GROUP BY t.user_id, c.course_id, c.code, c.title ORDER BY c.code")
    List<Awaiting> awaiting();

    /** A course with learners who met the plan and hold no certificate of it yet. */
    @Introspected
    record Ready(long courseId, String code, String title, long learners) {
    }

    @Query("SELECT c.course_id, c.code, c.title, COUNT(*) AS learners FROM course c JOIN enrollment e ON e.course_id = c.course_id"
            + " WHERE e.status = 'COMPLETED' AND NOT EXISTS (SELECT 1 FROM certificate k WHERE k.enrollment_id = e.enrollment_id)"
            + " GROUP BY c.course_id, c.code, c.title ORDER BY c.code")
    List<Ready> ready();

    @Query("SELECT u.user_id FROM app_user u JOIN user_role r ON r.user_id = u.user_id WHERE r.role = 'ADMIN' AND u.enabled = TRUE")
    List<Long> administrators();

    @Query("SELECT user_id FROM mail_digest WHERE digest_day = :day")
    List<Long> digestedOn(LocalDate day);

    /** Claims today's digest of a user: 1 when this call claimed it, 0 when it was claimed before (by any instance). */
    @Query("INSERT INTO mail_digest (user_id, digest_day, sent_at) VALUES (:userId, :day, :now) ON CONFLICT DO NOTHING")
    int claimDigest(long userId, LocalDate day, Instant now);
}
