package tw.training.evidence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import tw.training.course.AssessmentMethod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Evidence and the indicators each piece claims, read with what access checks need (course and learner). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EvidenceRepository extends GenericRepository<EvidenceRow, Long> {

    String HEADER = "SELECT v.*, e.course_id, e.learner_id, e.revision_id FROM evidence v JOIN enrollment e ON e.enrollment_id = v.enrollment_id ";

    /** A piece of evidence with whose it is, in which course and on which revision of its plan. */
    @Introspected
    record Header(long id, long enrollmentId, long courseId, long learnerId, AssessmentMethod method, String title,
                  @Nullable String description, EvidenceStatus status, Instant submittedAt, @Nullable Instant withdrawnAt,
                  long revisionId, @Nullable LocalDate performedOn) {

        /** The day the work was performed: as stated, or else the day it was submitted, in Taiwan. */
        LocalDate performed() {
            return performedOn != null ? performedOn : LocalDate.ofInstant(submittedAt, EvidenceRules.TAIPEI);
        }
    }

    EvidenceRow save(EvidenceRow evidence);

    /** The piece an earlier submission with this one-time key stored for the enrollment, if any. */
    @Query("SELECT evidence_id FROM evidence WHERE enrollment_id = :enrollmentId AND submission_key = :submissionKey")
    Optional<Long> submittedWith(long enrollmentId, String submissionKey);

    /** The account machines judge under (migration V014). */
    @Query("SELECT user_id FROM app_user WHERE username = '(system)'")
    long systemAccount();

    /** Every claim of a piece of evidence in one statement. */
    @Query("INSERT INTO evidence_indicator (evidence_id, indicator_id) SELECT :evidenceId, indicator_id FROM indicator WHERE indicator_id IN (:indicatorIds)")
    void addClaims(long evidenceId, java.util.Collection<Long> indicatorIds);

    /** Several pieces' claims in one statement, each (evidence, indicator) given as one number ({@link JudgementRepository#pair}). */
    @Query("INSERT INTO evidence_indicator (evidence_id, indicator_id) SELECT v.evidence_id, i.indicator_id FROM evidence v JOIN indicator i"
            + " ON v.evidence_id * 4294967296 + i.indicator_id IN (:pairs) WHERE v.evidence_id IN (:evidenceIds) AND i.indicator_id IN (:indicatorIds)")
    void addAllClaims(java.util.Collection<Long> evidenceIds, java.util.Collection<Long> indicatorIds, java.util.Collection<Long> pairs);

    @Query("UPDATE evidence SET status = 'WITHDRAWN', withdrawn_at = :now WHERE evidence_id = :evidenceId")
    void withdraw(long evidenceId, Instant now);

    @Query(HEADER + "WHERE v.evidence_id = :evidenceId")
    Optional<Header> header(long evidenceId);

    @Query(HEADER + "WHERE v.evidence_id IN (:evidenceIds)")
    List<Header> headersOf(Collection<Long> evidenceIds);

    /** The evidence of enrollments, oldest first. */
    @Query(HEADER + "WHERE v.enrollment_id IN (:enrollmentIds) ORDER BY v.submitted_at, v.evidence_id")
    List<Header> ofEnrollments(Collection<Long> enrollmentIds);

    /** The evidence a learner submitted, in any course, oldest first. */
    @Query(HEADER + "WHERE e.learner_id = :learnerId ORDER BY v.submitted_at, v.evidence_id")
    List<Header> ofLearner(long learnerId);

    /** An indicator a piece of evidence claims: its id (KPS5294-001v4:P2.3.1) and row id. */
    @Introspected
    record Claim(long evidenceId, long indicatorId, String indicator) {
    }

    @Query("SELECT c.evidence_id, c.indicator_id, s.code || ':' || i.code AS indicator FROM evidence_indicator c"
            + " JOIN indicator i ON i.indicator_id = c.indicator_id JOIN standard s ON s.standard_id = i.standard_id"
            + " WHERE c.evidence_id IN (:evidenceIds) AND " + Standing.CLAIM + " ORDER BY s.code, i.task_id, i.sort_order")
    List<Claim> claimsOf(Collection<Long> evidenceIds);

    /**
     * A piece of evidence as judging one of its claims needs it, in one read (issue 36: judging re-reads nothing): its
     * header, whether the user is one of its course's trainers (its owner or named on it; the role is checked apart), and
     * the row id of the indicator claimed, if the evidence claims it.
     */
    @Introspected
    record ToJudge(long id, long enrollmentId, long courseId, long learnerId, AssessmentMethod method, String title,
                   @Nullable String description, EvidenceStatus status, Instant submittedAt, @Nullable Instant withdrawnAt,
                   long revisionId, @Nullable LocalDate performedOn, boolean trainsCourse, @Nullable Long claimedIndicator) {

        Header header() {
            return new Header(id, enrollmentId, courseId, learnerId, method, title, description, status, submittedAt, withdrawnAt, revisionId,
                    performedOn);
        }
    }

    @Query("SELECT v.*, e.course_id, e.learner_id, e.revision_id,"
            + " EXISTS (SELECT 1 FROM course c WHERE c.course_id = e.course_id AND (c.owner_id = :userId"
            + " OR EXISTS (SELECT 1 FROM course_trainer t WHERE t.course_id = c.course_id AND t.user_id = :userId))) AS trains_course,"
            + " (SELECT c.indicator_id FROM evidence_indicator c JOIN indicator i ON i.indicator_id = c.indicator_id"
            + " JOIN standard s ON s.standard_id = i.standard_id WHERE c.evidence_id = v.evidence_id AND s.code = :standardCode AND i.code = :code)"
            + " AS claimed_indicator FROM evidence v JOIN enrollment e ON e.enrollment_id = v.enrollment_id WHERE v.evidence_id = :evidenceId")
    Optional<ToJudge> toJudge(long evidenceId, long userId, String standardCode, String code);

    /** A claimed indicator no judgement exists for, with its evidence. */
    @Introspected
    record Unjudged(long evidenceId, long enrollmentId, String username, AssessmentMethod method, String title, Instant submittedAt,
                    String indicator) {
    }

    /** Submitted evidence of a course with claimed indicators nobody judged yet, oldest first, narrowed by each filter given. */
    @Query("SELECT v.evidence_id, v.enrollment_id, u.username, v.method, v.title, v.submitted_at, s.code || ':' || i.code AS indicator"
            + " FROM evidence v JOIN enrollment e ON e.enrollment_id = v.enrollment_id JOIN app_user u ON u.user_id = e.learner_id"
            + " JOIN evidence_indicator c ON c.evidence_id = v.evidence_id JOIN indicator i ON i.indicator_id = c.indicator_id"
            + " JOIN standard s ON s.standard_id = i.standard_id WHERE e.course_id = :courseId AND v.status = 'SUBMITTED' AND e.status <> 'WITHDRAWN'"
            + " AND NOT EXISTS (SELECT 1 FROM judgement j WHERE j.evidence_id = c.evidence_id AND j.indicator_id = c.indicator_id)"
            + " AND (CAST(:method AS VARCHAR) IS NULL OR v.method = :method) AND (CAST(:learner AS VARCHAR) IS NULL OR u.username = :learner)"
            + " AND (CAST(:standardCode AS VARCHAR) IS NULL OR s.code = :standardCode AND i.code = :code)"
            + " ORDER BY v.submitted_at, v.evidence_id, s.code, i.task_id, i.sort_order")
    List<Unjudged> unjudged(long courseId, @Nullable String method, @Nullable String learner, @Nullable String standardCode, @Nullable String code);

    /** The headers of many pieces of evidence in one query, by id. */
    default Map<Long, Header> headers(Collection<Long> evidenceIds) {
        Map<Long, Header> headers = new LinkedHashMap<>();
        if (!evidenceIds.isEmpty()) {
            headersOf(evidenceIds).forEach(header -> headers.put(header.id(), header));
        }
        return headers;
    }

    /** An indicator's row id and its id (KPS5294-001v4:P2.3.1). */
    @Introspected
    record Named(long indicatorId, String indicator) {
    }

    @Query("SELECT i.indicator_id, s.code || ':' || i.code AS indicator FROM indicator i JOIN standard s ON s.standard_id = i.standard_id"
            + " WHERE s.code IN (:standardCodes) AND i.code IN (:codes)")
    List<Named> named(Collection<String> standardCodes, Collection<String> codes);

    /** Claimed indicators per evidence, as id (e.g. KPS5294-001v4:P2.3.1) to indicator row id. */
    default Map<Long, Map<String, Long>> claims(Collection<Long> evidenceIds) {
        Map<Long, Map<String, Long>> claims = new LinkedHashMap<>();
        if (!evidenceIds.isEmpty()) {
            claimsOf(evidenceIds).forEach(c -> claims.computeIfAbsent(c.evidenceId(), key -> new LinkedHashMap<>()).put(c.indicator(), c.indicatorId()));
        }
        return claims;
    }

    /** The queue: pieces with the indicators nobody judged yet, the oldest {@code limit}. */
    default List<Views.Awaiting> awaiting(long courseId, @Nullable AssessmentMethod method, @Nullable String learner, @Nullable String indicator,
                                          int limit) {
        int colon = indicator == null ? -1 : indicator.indexOf(':');
        Map<Long, Views.Awaiting> queue = new LinkedHashMap<>();
        for (Unjudged claim : unjudged(courseId, method == null ? null : method.name(), learner, colon < 0 ? null : indicator.substring(0, colon),
                colon < 0 ? null : indicator.substring(colon + 1))) {
            queue.computeIfAbsent(claim.evidenceId(), id -> new Views.Awaiting(id, claim.enrollmentId(), claim.username(), claim.method(),
                    claim.title(), claim.submittedAt(), new ArrayList<>())).unjudgedIndicators().add(claim.indicator());
        }
        return queue.values().stream().limit(limit).toList();
    }
}
