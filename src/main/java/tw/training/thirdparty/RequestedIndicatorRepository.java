package tw.training.thirdparty;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RequestedIndicatorRepository extends GenericRepository<RequestedIndicator, RequestedIndicator.Key> {

    <S extends RequestedIndicator> List<S> saveAll(Iterable<S> indicators);

    List<RequestedIndicator> findByKeyRequestId(long requestId);
}
