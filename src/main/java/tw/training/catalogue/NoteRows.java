package tw.training.catalogue;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** A document's notes, in order. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface NoteRows extends GenericRepository<NoteRows.Row, Long> {

    /**
     * A row of {@code standard_note}, keyed by document and position; its first key column stands in
     * as the id, as the rows are only ever inserted and listed.
     */
    @MappedEntity("standard_note")
    record Row(@Id long standardId, int sortOrder, String label, String content) {
    }

    void insertAll(Iterable<Row> rows);

    @Query("SELECT * FROM standard_note WHERE standard_id = :standardId ORDER BY sort_order")
    List<Row> of(long standardId);
}
