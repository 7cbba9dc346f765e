package tw.training.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The behaviour indicators (P1.1.1 …) of a document's tasks. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface IndicatorRows extends GenericRepository<IndicatorRows.Row, Long> {

    /** A row of {@code indicator}; its id is what plans, claims and judgements name. */
    @MappedEntity("indicator")
    record Row(@Id @GeneratedValue @MappedProperty("indicator_id") @Nullable Long id, long standardId, long taskId, String code, String content,
               int sortOrder) {
    }

    void insertAll(Iterable<Row> rows);

    @Query("SELECT * FROM indicator WHERE standard_id = :standardId ORDER BY task_id, sort_order")
    List<Row> of(long standardId);

    @Query("SELECT * FROM indicator WHERE task_id = :taskId ORDER BY sort_order")
    List<Row> ofTask(long taskId);
}
