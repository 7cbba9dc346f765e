package tw.training.writtentest;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** What a test tests, written in one batch. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TestIndicatorRepository extends GenericRepository<TestIndicator, Long> {

    List<TestIndicator> saveAll(Iterable<TestIndicator> rows);
}
