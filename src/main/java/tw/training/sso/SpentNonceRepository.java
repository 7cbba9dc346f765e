package tw.training.sso;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SpentNonceRepository extends GenericRepository<SpentNonce, String> {

    /** 1 when the nonce was new; 0 when an earlier sign-in spent it (the insert skipped, as on either database). */
    @Query("INSERT INTO spent_nonce (nonce_hash, spent_at) VALUES (:nonceHash, :spentAt) ON CONFLICT DO NOTHING")
    int spend(String nonceHash, Instant spentAt);

    void deleteBySpentAtBefore(Instant before);
}
