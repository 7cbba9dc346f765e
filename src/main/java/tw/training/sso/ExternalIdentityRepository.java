package tw.training.sso;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ExternalIdentityRepository extends GenericRepository<ExternalIdentity, Long> {

    ExternalIdentity save(ExternalIdentity identity);

    Optional<ExternalIdentity> findByIssuerAndSubject(String issuer, String subject);

    List<ExternalIdentity> findByUserIdOrderByLinkedAt(long userId);

    List<ExternalIdentity> findByUserIdInOrderByLinkedAt(java.util.Collection<Long> userIds);

    Optional<ExternalIdentity> findById(long id);

    void deleteById(long id);

    @Query("UPDATE external_identity SET last_signed_in_at = :at, email = :email WHERE external_identity_id = :id")
    void signedIn(long id, Instant at, @io.micronaut.core.annotation.Nullable String email);
}
