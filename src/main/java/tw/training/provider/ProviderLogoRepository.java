package tw.training.provider;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ProviderLogoRepository extends GenericRepository<ProviderLogo, Long> {

    ProviderLogo save(ProviderLogo logo);

    Optional<ProviderLogo> findById(long id);
}
