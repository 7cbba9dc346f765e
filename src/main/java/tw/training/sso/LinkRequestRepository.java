package tw.training.sso;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface LinkRequestRepository extends GenericRepository<LinkRequest, Long> {

    LinkRequest save(LinkRequest request);

    Optional<LinkRequest> findByTokenHash(String tokenHash);

    /** Spends a request: of two confirmations racing, one deletes it (1) and the other finds nothing (0). */
    int deleteById(long id);

    void deleteByExpiresAtBefore(Instant before);
}
