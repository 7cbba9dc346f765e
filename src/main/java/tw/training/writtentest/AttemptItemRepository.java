package tw.training.writtentest;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** An attempt's draw and answers. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AttemptItemRepository extends GenericRepository<AttemptItem, Long> {

    List<AttemptItem> saveAll(Iterable<AttemptItem> items);

    @Query("SELECT * FROM attempt_item WHERE attempt_id = :attemptId ORDER BY position")
    List<AttemptItem> of(long attemptId);

    @Query("SELECT * FROM attempt_item WHERE attempt_id IN (:attemptIds) ORDER BY attempt_id, position")
    List<AttemptItem> ofAttempts(Collection<Long> attemptIds);

    /** The items the enrollment's learner has been shown, in any attempt of any of the course's tests. */
    @Query("SELECT DISTINCT i.item_id FROM attempt_item i JOIN attempt a ON a.attempt_id = i.attempt_id WHERE a.enrollment_id = :enrollmentId")
    List<Long> seenBy(long enrollmentId);

    @Query("UPDATE attempt_item SET answer = :answer, answered_at = :at WHERE attempt_id = :attemptId AND item_id = :itemId")
    int answer(long attemptId, long itemId, @io.micronaut.core.annotation.Nullable String answer, Instant at);

    /**
     * Several attempts' items marked right or wrong in one statement, each (attempt, item) given as one number
     * ({@link #pair}); an IN list is never empty: no pair is 0.
     */
    @Query("UPDATE attempt_item SET correct = (attempt_id * 4294967296 + item_id IN (:right)) WHERE attempt_id IN (:attemptIds)"
            + " AND attempt_id * 4294967296 + item_id IN (:scored)")
    void scoreAll(Collection<Long> attemptIds, Collection<Long> scored, Collection<Long> right);

    /** An (attempt, item) pair as one number, as {@link #scoreAll} compares them. */
    static long pair(long attemptId, long itemId) {
        return attemptId * 4294967296L + itemId;
    }
}
