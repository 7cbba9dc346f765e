package tw.training.account.throttle;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface KnownDeviceRepository extends CrudRepository<KnownDevice, Long> {

    Optional<KnownDevice> findByTokenHash(String tokenHash);

    void update(@Id Long id, Instant lastUsedAt);

    void deleteByLastUsedAtBefore(Instant before);
}
