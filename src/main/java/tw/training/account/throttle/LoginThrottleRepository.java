package tw.training.account.throttle;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface LoginThrottleRepository extends CrudRepository<LoginThrottle, Long> {

    Optional<LoginThrottle> findByUsernameAndSource(String username, String source);

    /** Counts a failure in place, so two failures at the same moment both count. */
    @Query("UPDATE login_throttle SET failures = failures + 1, updated_at = :now WHERE username = :username AND source = :source")
    int countFailure(String username, String source, Instant now);

    /** The first failure; a concurrent first failure makes this a no-op, and the caller counts again. */
    @Query("INSERT INTO login_throttle (username, source, failures, updated_at) VALUES (:username, :source, 0, :now) ON CONFLICT DO NOTHING")
    void open(String username, String source, Instant now);

    void update(@Id Long id, @Nullable Instant blockedUntil);

    void deleteByUsernameAndSource(String username, String source);

    void deleteByUpdatedAtBefore(Instant before);
}
