package tw.training.catalogue;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The footnote labels each item of a document carries. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface FootnoteRows extends GenericRepository<FootnoteRows.Row, Long> {

    /**
     * A row of {@code footnote_reference}, keyed by document, item and label; its first key column stands in
     * as the id, as the rows are only ever inserted and listed.
     */
    @MappedEntity("footnote_reference")
    record Row(@Id long standardId, String itemCode, String label, int sortOrder) {
    }

    void insertAll(Iterable<Row> rows);

    @Query("SELECT * FROM footnote_reference WHERE standard_id = :standardId ORDER BY item_code, sort_order")
    List<Row> of(long standardId);
}
