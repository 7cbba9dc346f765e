package tw.training.transparency;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

/** Leaves queued by recording transactions, in the order the sequencer takes them. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface QueueRepository extends GenericRepository<QueuedRow, Long> {


    @Query("SELECT * FROM transparency_queue ORDER BY queue_id FETCH FIRST :count ROWS ONLY")
    List<QueuedRow> oldest(int count);

    void deleteByIdIn(Collection<Long> ids);
}
