package tw.training.account.throttle;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
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

    /** Forgets all but the {@code keep} devices of the account seen signing in last. */
    @Query("DELETE FROM known_device WHERE username = :username AND known_device_id NOT IN (SELECT known_device_id FROM known_device"
            + " WHERE username = :username ORDER BY last_used_at DESC, known_device_id DESC FETCH FIRST :keep ROWS ONLY)")
    void keepLatest(String username, int keep);
}
