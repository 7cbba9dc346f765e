package tw.training.revision;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** Crosswalks and their lines. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CrosswalkRepository extends GenericRepository<CrosswalkRow, Long> {

    CrosswalkRow save(CrosswalkRow row);

    CrosswalkRow update(CrosswalkRow row);

    Optional<CrosswalkRow> findById(long id);

    Optional<CrosswalkRow> findByFromStandardIdAndToStandardId(long fromStandardId, long toStandardId);

    /** The crosswalk's row, locked until the transaction ends: edits and the confirmation take their turns. */
    @Query("SELECT * FROM crosswalk WHERE crosswalk_id = :id FOR UPDATE")
    Optional<CrosswalkRow> lock(long id);

    /** A crosswalk's header: its two documents' codes and the people who proposed, reviewed and confirmed it. */
    String HEADER = "SELECT c.crosswalk_id, f.code AS from_code, t.code AS to_code, c.status, p.username AS proposed_by, c.proposed_at,"
            + " r.username AS reviewed_by, c.reviewed_at, k.username AS confirmed_by, c.confirmed_at FROM crosswalk c"
            + " JOIN standard f ON f.standard_id = c.from_standard_id JOIN standard t ON t.standard_id = c.to_standard_id"
            + " JOIN app_user p ON p.user_id = c.proposed_by LEFT JOIN app_user r ON r.user_id = c.reviewed_by"
            + " LEFT JOIN app_user k ON k.user_id = c.confirmed_by";

    /** The confirmed crosswalks' ids, in order: read on every CASE request, so one table without joins. */
    @Query("SELECT crosswalk_id FROM crosswalk WHERE status = 'CONFIRMED' ORDER BY crosswalk_id")
    List<Long> confirmedIds();

    /** Every crosswalk, newest first. */
    @Query(HEADER + " ORDER BY c.crosswalk_id DESC")
    List<Crosswalk.Header> headers();

    @Query(HEADER + " WHERE c.crosswalk_id = :id")
    Optional<Crosswalk.Header> header(long id);
}
