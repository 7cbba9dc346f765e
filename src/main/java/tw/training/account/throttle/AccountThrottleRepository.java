package tw.training.account.throttle;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountThrottleRepository extends CrudRepository<AccountThrottle, String> {

    /**
     * Counts a failure in place, so failures at the same moment on two instances both count; after a quiet pause (no
     * failure since {@code quietSince}) the count starts again at one.
     */
    @Query("UPDATE account_throttle SET failures = CASE WHEN updated_at < :quietSince THEN 1 ELSE failures + 1 END, updated_at = :now"
            + " WHERE username = :username")
    int countFailure(String username, Instant quietSince, Instant now);

    /** The first failure; a concurrent first failure makes this a no-op, and the caller counts again. */
    @Query("INSERT INTO account_throttle (username, failures, updated_at) VALUES (:username, 0, :now) ON CONFLICT DO NOTHING")
    void open(String username, Instant now);

    void update(@Id String username, @Nullable Instant blockedUntil);

    void deleteByUpdatedAtBefore(Instant before);
}
