package tw.training.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;

/** A document's version table, in the order the document gives it. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface VersionRows extends GenericRepository<VersionRows.Row, Long> {

    /**
     * A row of {@code standard_version}, keyed by document and position; its first key column stands in
     * as the id, as the rows are only ever inserted and listed.
     */
    @MappedEntity("standard_version")
    record Row(@Id long standardId, int sortOrder, String versionLabel, String code, @Nullable String name,
               @MappedProperty("is_current") boolean current, @Nullable LocalDate issuedOn, @Nullable String note) {
    }

    void insertAll(Iterable<Row> rows);

    @Query("SELECT * FROM standard_version WHERE standard_id = :standardId ORDER BY sort_order")
    List<Row> of(long standardId);
}
