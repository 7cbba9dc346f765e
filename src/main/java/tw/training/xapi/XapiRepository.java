package tw.training.xapi;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The statement outbox, and who and what an enrollment is, for a statement's actor and context. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface XapiRepository extends GenericRepository<XapiStatement, Long> {

    XapiStatement save(XapiStatement statement);

    List<XapiStatement> saveAll(Iterable<XapiStatement> statements);

    /** The statements in their order after {@code after}, those matching each filter given; one more than {@code limit} tells there are more. */
    @Query("SELECT s.* FROM xapi_statement s LEFT JOIN app_user u ON u.user_id = s.learner_id"
            + " WHERE (CAST(:since AS TIMESTAMP WITH TIME ZONE) IS NULL OR s.stored_at >= :since)"
            + " AND (CAST(:until AS TIMESTAMP WITH TIME ZONE) IS NULL OR s.stored_at < :until)"
            + " AND (CAST(:learner AS VARCHAR) IS NULL OR u.username = :learner)"
            + " AND (CAST(:verb AS VARCHAR) IS NULL OR s.verb = :verb)"
            + " AND s.statement_seq > :after ORDER BY s.statement_seq FETCH FIRST :limit ROWS ONLY")
    List<XapiStatement> find(@Nullable Instant since, @Nullable Instant until, @Nullable String learner, @Nullable String verb, long after,
                             int limit);

    /**
     * The first unsent statements in order, due now, locked for the sender's transaction; those another instance is sending
     * are skipped. The sender sends them only if the first is the first unsent of all, so order holds across instances.
     */
    @Query("SELECT * FROM xapi_statement WHERE sent_at IS NULL AND next_attempt_at <= :now ORDER BY statement_seq"
            + " FETCH FIRST :limit ROWS ONLY FOR UPDATE SKIP LOCKED")
    List<XapiStatement> due(Instant now, int limit);

    @Query("SELECT MIN(statement_seq) FROM xapi_statement WHERE sent_at IS NULL")
    Optional<Long> firstUnsent();

    @Query("SELECT COUNT(*) FROM xapi_statement WHERE sent_at IS NULL")
    long unsentCount();

    @Query("SELECT MIN(stored_at) FROM xapi_statement WHERE sent_at IS NULL")
    Optional<Instant> oldestUnsent();

    @Query("UPDATE xapi_statement SET sent_at = :at, last_error = NULL WHERE statement_seq IN (:seqs)")
    void sent(List<Long> seqs, Instant at);

    @Query("UPDATE xapi_statement SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error WHERE statement_seq IN (:seqs)")
    void failed(List<Long> seqs, Instant next, String error);

    /** Deletes up to {@code limit} statements sent before {@code before}, the oldest first; answers how many. */
    @Query("DELETE FROM xapi_statement WHERE statement_seq IN (SELECT statement_seq FROM xapi_statement WHERE sent_at < :before"
            + " ORDER BY statement_seq FETCH FIRST :limit ROWS ONLY)")
    int pruneSent(Instant before, int limit);

    /** An enrollment's learner and course. */
    @Introspected
    record Enrolled(long learnerId, String username, String displayName, String courseCode, String courseTitle) {
    }

    @Query("SELECT e.learner_id, u.username, u.display_name, c.code AS course_code, c.title AS course_title FROM enrollment e"
            + " JOIN app_user u ON u.user_id = e.learner_id JOIN course c ON c.course_id = e.course_id WHERE e.enrollment_id = :enrollmentId")
    Optional<Enrolled> enrolled(long enrollmentId);

    /** Several enrollments' learners and courses at once. */
    @Introspected
    record EnrolledAs(long enrollmentId, long learnerId, String username, String displayName, String courseCode, String courseTitle) {

        Enrolled enrolled() {
            return new Enrolled(learnerId, username, displayName, courseCode, courseTitle);
        }
    }

    @Query("SELECT e.enrollment_id, e.learner_id, u.username, u.display_name, c.code AS course_code, c.title AS course_title FROM enrollment e"
            + " JOIN app_user u ON u.user_id = e.learner_id JOIN course c ON c.course_id = e.course_id WHERE e.enrollment_id IN (:enrollmentIds)")
    List<EnrolledAs> enrolledIn(java.util.Collection<Long> enrollmentIds);

    /** The indicators the learner claimed for a piece of evidence ("KPS5294-001v4:P2.3.1"), in the catalogue's order. */
    @Query("SELECT s.code || ':' || i.code FROM evidence_indicator c JOIN indicator i ON i.indicator_id = c.indicator_id"
            + " JOIN standard s ON s.standard_id = i.standard_id WHERE c.evidence_id = :evidenceId AND c.move_id IS NULL ORDER BY c.indicator_id")
    List<String> claimed(long evidenceId);

    /** An indicator as people read it. */
    @Introspected
    record Named(long indicatorId, String standardCode, String code, String content) {
    }

    @Query("SELECT i.indicator_id, s.code AS standard_code, i.code, i.content FROM indicator i JOIN standard s ON s.standard_id = i.standard_id"
            + " WHERE i.indicator_id IN (:indicatorIds)")
    List<Named> indicators(java.util.Collection<Long> indicatorIds);

    /** An assessor as a statement's instructor names them. */
    @Introspected
    record Person(long userId, String username, String displayName) {
    }

    @Query("SELECT user_id, username, display_name FROM app_user WHERE user_id IN (:userIds)")
    List<Person> people(java.util.Collection<Long> userIds);
}
