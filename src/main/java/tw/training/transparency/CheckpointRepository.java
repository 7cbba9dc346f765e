package tw.training.transparency;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The signed checkpoints, all kept. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CheckpointRepository extends GenericRepository<CheckpointRow, Long> {

    Optional<CheckpointRow> findFirstOrderByTreeSizeDesc();

    List<CheckpointRow> findAllOrderByTreeSizeDesc();

    Optional<CheckpointRow> findByTreeSize(long treeSize);

    /** Two instances signing the same size at once: the first one's is kept, the second changes nothing. */
    @Query("INSERT INTO transparency_checkpoint (tree_size, root_hash, note, signed_at) VALUES (:treeSize, :rootHash, :note, :signedAt)"
            + " ON CONFLICT DO NOTHING")
    void keep(long treeSize, String rootHash, String note, Instant signedAt);
}
