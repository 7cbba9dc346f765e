package tw.training.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** A document's knowledge (K), skills (S) and attitudes (A), defined once per document. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CompetenceRows extends GenericRepository<CompetenceRows.Row, Long> {

    /**
     * A row of {@code competence}, keyed by document and code; its first key column stands in
     * as the id, as the rows are only ever inserted and listed.
     */
    @MappedEntity("competence")
    record Row(@Id long standardId, String code, String category, @Nullable String name, @Nullable String content) {
    }

    void insertAll(Iterable<Row> rows);

    @Query("SELECT * FROM competence WHERE standard_id = :standardId")
    List<Row> of(long standardId);
}
