package tw.training.catalogue;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** A document's responsibilities (T1, T2 …), in order. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ResponsibilityRows extends GenericRepository<ResponsibilityRows.Row, Long> {

    /**
     * A row of {@code responsibility}, keyed by document and code; its first key column stands in
     * as the id, as the rows are only ever inserted and listed.
     */
    @MappedEntity("responsibility")
    record Row(@Id long standardId, String code, String title, int sortOrder) {
    }

    void insertAll(Iterable<Row> rows);

    @Query("SELECT * FROM responsibility WHERE standard_id = :standardId ORDER BY sort_order")
    List<Row> of(long standardId);
}
