package tw.training.onboarding;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** One-time tokens, by their hash. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountTokenRepository extends GenericRepository<AccountToken, Long> {

    AccountToken save(AccountToken token);

    /** The token of this hash and purpose, if it still works: unused, not replaced, not expired. */
    @Query("SELECT * FROM account_token WHERE token_hash = :tokenHash AND purpose = :purpose AND used_at IS NULL AND replaced_at IS NULL"
            + " AND expires_at > :now")
    Optional<AccountToken> working(String tokenHash, TokenPurpose purpose, Instant now);

    /** Spends the token if it still works; 1 if this call spent it, 0 if it did not work (or another request spent it first). */
    @Query("UPDATE account_token SET used_at = :now WHERE token_hash = :tokenHash AND purpose = :purpose AND used_at IS NULL"
            + " AND replaced_at IS NULL AND expires_at > :now")
    int spend(String tokenHash, TokenPurpose purpose, Instant now);

    /** Ends the working tokens of a user for a purpose: a newer one replaces them, or the password they were for was set. */
    @Query("UPDATE account_token SET replaced_at = :now WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL"
            + " AND replaced_at IS NULL")
    void replace(long userId, TokenPurpose purpose, Instant now);

    /** When the latest invitation of a user was sent, if ever. */
    @Query("SELECT MAX(created_at) FROM account_token WHERE user_id = :userId AND purpose = 'INVITATION'")
    Optional<Instant> lastInvited(long userId);
}
