package tw.training.writtentest;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The indicators items test, written in one batch per import. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ItemTagRepository extends GenericRepository<ItemIndicator, Long> {

    List<ItemIndicator> saveAll(Iterable<ItemIndicator> tags);
}
