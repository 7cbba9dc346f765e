package tw.training.account;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PageSessionRepository extends CrudRepository<PageSession, Long> {

    Optional<PageSession> findByTokenHash(String tokenHash);

    void update(@Id Long id, Instant lastSeenAt);

    void update(@Id Long id, int tokenVersion);

    @io.micronaut.data.annotation.Query("UPDATE page_session SET provider = :provider WHERE page_session_id = :id")
    void updateProvider(long id, String provider);

    void deleteByTokenHash(String tokenHash);

    void deleteByExpiresAtBefore(Instant before);

}
