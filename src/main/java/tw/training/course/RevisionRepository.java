package tw.training.course;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** A course's revisions: one draft at a time, at most one published; the one published before is superseded. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RevisionRepository extends GenericRepository<RevisionRow, Long> {

    RevisionRow save(RevisionRow revision);

    /** A course's revisions, first to latest. */
    List<RevisionRow> findByCourseIdOrderByNumber(long courseId);

    @Query("UPDATE course_revision SET status = 'SUPERSEDED' WHERE course_id = :courseId AND status = 'PUBLISHED'")
    void supersede(long courseId);

    @Query("UPDATE course_revision SET status = 'PUBLISHED', published_at = :now WHERE revision_id = :revisionId")
    void markPublished(long revisionId, Instant now);

    @Query("DELETE FROM course_revision WHERE revision_id = :revisionId AND status = 'DRAFT'")
    void deleteRevision(long revisionId);

    /** A new draft; it keeps the currency window of the revision it continues ({@code currencyMonths}). */
    default long insertRevision(long courseId, int number, Instant now, int currencyMonths) {
        return save(new RevisionRow(null, courseId, number, RevisionStatus.DRAFT, now, null, currencyMonths)).id();
    }

    @Query("UPDATE course_revision SET currency_months = :months WHERE revision_id = :revisionId")
    void setCurrency(long revisionId, int months);

    @Query("SELECT currency_months FROM course_revision WHERE revision_id = :revisionId")
    int currencyMonths(long revisionId);

    /** Publishes a draft; the revision published before it is superseded (its enrollments keep it). */
    default void publish(long courseId, long revisionId, Instant now) {
        supersede(courseId);
        markPublished(revisionId, now);
    }
}
