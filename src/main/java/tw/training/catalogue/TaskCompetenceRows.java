package tw.training.catalogue;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The K, S and A codes each task of a document lists, in its order. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TaskCompetenceRows extends GenericRepository<TaskCompetenceRows.Row, Long> {

    /**
     * A row of {@code task_competence}, keyed by task and code; its first key column stands in
     * as the id, as the rows are only ever inserted and listed.
     */
    @MappedEntity("task_competence")
    record Row(@Id long taskId, String code, int sortOrder) {
    }

    void insertAll(Iterable<Row> rows);

    @Query("SELECT c.* FROM task_competence c JOIN task t ON t.task_id = c.task_id WHERE t.standard_id = :standardId ORDER BY c.task_id, c.sort_order")
    List<Row> of(long standardId);
}
