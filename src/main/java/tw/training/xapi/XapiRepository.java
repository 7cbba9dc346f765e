package tw.training.xapi;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The rows of {@code xapi_statement}: completions, and statements written before statements were derived. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface XapiRepository extends GenericRepository<XapiStatement, Long> {

    List<XapiStatement> saveAll(Iterable<XapiStatement> statements);

    @Query("UPDATE xapi_statement SET sent_at = :at, last_error = NULL WHERE statement_seq IN (:seqs)")
    void sent(Collection<Long> seqs, Instant at);

    /** Deletes up to {@code limit} statements sent before {@code before}, the oldest first; answers how many. */
    @Query("DELETE FROM xapi_statement WHERE statement_seq IN (SELECT statement_seq FROM xapi_statement WHERE sent_at < :before"
            + " ORDER BY statement_seq FETCH FIRST :limit ROWS ONLY)")
    int pruneSent(Instant before, int limit);
}
