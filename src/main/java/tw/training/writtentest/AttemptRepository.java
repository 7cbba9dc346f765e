package tw.training.writtentest;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Attempts. Locks are always taken enrollment first, then attempt (as judging takes the enrollment first): starting,
 * answering and closing never wait on each other in a circle.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AttemptRepository extends CrudRepository<Attempt, Long> {

    @Query("SELECT enrollment_id FROM enrollment WHERE enrollment_id = :enrollmentId FOR UPDATE")
    Optional<Long> lockEnrollment(long enrollmentId);

    @Query("SELECT * FROM attempt WHERE attempt_id = :attemptId FOR UPDATE")
    Optional<Attempt> lock(long attemptId);

    /** Several enrollments' rows locked, in id order (as the progress ledger takes them). */
    @Query("SELECT enrollment_id FROM enrollment WHERE enrollment_id IN (:enrollmentIds) ORDER BY enrollment_id FOR UPDATE")
    List<Long> lockEnrollments(Collection<Long> enrollmentIds);

    /** Several attempts locked, in id order. */
    @Query("SELECT * FROM attempt WHERE attempt_id IN (:attemptIds) ORDER BY attempt_id FOR UPDATE")
    List<Attempt> lockAll(Collection<Long> attemptIds);

    List<Attempt> findByTestIdAndEnrollmentIdOrderByAttemptNumber(long testId, long enrollmentId);

    @Query("SELECT * FROM attempt WHERE enrollment_id = :enrollmentId AND test_id IN (:testIds) ORDER BY test_id, attempt_number")
    List<Attempt> ofEnrollment(long enrollmentId, Collection<Long> testIds);

    @Query("SELECT attempt_id FROM attempt WHERE evidence_id = :evidenceId")
    Optional<Long> idOfEvidence(long evidenceId);

    void update(@Id Long id, AttemptStatus status, Instant closedAt, Long evidenceId);

    /** Open attempts whose deadline passed: the sweeper closes them. */
    @Query("SELECT * FROM attempt WHERE status = 'OPEN' AND deadline <= :now ORDER BY deadline FETCH FIRST 200 ROWS ONLY")
    List<Attempt> expired(Instant now);
}
