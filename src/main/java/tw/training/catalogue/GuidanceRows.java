package tw.training.catalogue;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** A unit's assessment guidance: evidence aspects, contexts and methods, each in order. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface GuidanceRows extends GenericRepository<GuidanceRows.Row, Long> {

    /**
     * A row of {@code assessment_guidance}, keyed by document, section and position; its first key column stands in
     * as the id, as the rows are only ever inserted and listed.
     */
    @MappedEntity("assessment_guidance")
    record Row(@Id long standardId, String section, int sortOrder, String content) {
    }

    void insertAll(Iterable<Row> rows);

    @Query("SELECT * FROM assessment_guidance WHERE standard_id = :standardId ORDER BY section, sort_order")
    List<Row> of(long standardId);
}
