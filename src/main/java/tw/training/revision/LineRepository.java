package tw.training.revision;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** A crosswalk's lines, in order. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface LineRepository extends GenericRepository<LineRow, Long> {

    List<LineRow> saveAll(Iterable<LineRow> rows);

    List<LineRow> findByCrosswalkIdOrderBySortOrder(long crosswalkId);

    void deleteByCrosswalkId(long crosswalkId);
}
