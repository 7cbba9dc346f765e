package tw.training.catalogue;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The work outputs (O1.1.1 …) of a document's tasks. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface WorkOutputRows extends GenericRepository<WorkOutputRows.Row, Long> {

    /**
     * A row of {@code work_output}, keyed by task and position; its first key column stands in
     * as the id, as the rows are only ever inserted and listed.
     */
    @MappedEntity("work_output")
    record Row(@Id long taskId, String code, String title, int sortOrder) {
    }

    void insertAll(Iterable<Row> rows);

    @Query("SELECT o.* FROM work_output o JOIN task t ON t.task_id = o.task_id WHERE t.standard_id = :standardId ORDER BY o.task_id, o.sort_order")
    List<Row> of(long standardId);
}
