package tw.training.transparency;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The log's leaves and the row whose lock serializes appending them. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface LeafRepository extends GenericRepository<LeafRow, Long> {

    /** Takes the head's row lock until the transaction ends: appends of any instance wait their turn. */
    @Query("UPDATE transparency_head SET tree_size = tree_size + :count WHERE head_id = 1")
    void grow(long count);

    @Query("SELECT tree_size FROM transparency_head WHERE head_id = 1")
    long size();

    /** The leaf hashes of D[from:to], in order (hex). */
    @Query("SELECT leaf_hash FROM transparency_leaf WHERE leaf_index >= :from AND leaf_index < :to ORDER BY leaf_index")
    List<String> hashes(long from, long to);

    @Query("SELECT * FROM transparency_leaf WHERE leaf_index >= :from ORDER BY leaf_index FETCH FIRST :count ROWS ONLY")
    List<LeafRow> from(long from, int count);

    Optional<LeafRow> findByKindAndRecordId(LeafKind kind, long recordId);

    /** The leaves some records of one kind already have. */
    @Query("SELECT * FROM transparency_leaf WHERE kind = :kind AND record_id IN (:recordIds)")
    List<LeafRow> existing(String kind, java.util.Collection<Long> recordIds);
}
