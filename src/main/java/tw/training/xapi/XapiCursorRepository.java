package tw.training.xapi;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** The sender's one cursor row. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface XapiCursorRepository extends GenericRepository<XapiCursor, Integer> {

    @Query("SELECT * FROM xapi_cursor WHERE cursor_id = 1")
    XapiCursor read();

    /** The cursor, locked for this sending transaction; empty while another instance is sending. */
    @Query("SELECT * FROM xapi_cursor WHERE cursor_id = 1 FOR UPDATE SKIP LOCKED")
    Optional<XapiCursor> lockUnlessSending();

    @Query("UPDATE xapi_cursor SET position = :position, attempts = 0, next_attempt_at = NULL, last_error = NULL WHERE cursor_id = 1")
    void advance(long position);

    @Query("UPDATE xapi_cursor SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error WHERE cursor_id = 1")
    void failed(Instant next, String error);
}
