package tw.training.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The mail outbox. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface MailRepository extends GenericRepository<MailMessage, Long> {

    MailMessage save(MailMessage message);

    Optional<MailMessage> findById(long id);

    /**
     * Waiting messages due now, the oldest first, locked for the sender's transaction; those another instance holds are
     * skipped, so no message is sent by two instances.
     */
    @Query("SELECT * FROM mail_message WHERE sent_at IS NULL AND refused_at IS NULL AND next_attempt_at <= :now"
            + " ORDER BY mail_id FETCH FIRST :limit ROWS ONLY FOR UPDATE SKIP LOCKED")
    List<MailMessage> due(Instant now, int limit);

    /** Sent: a message that carried a one-time link keeps no body, so the outbox holds no usable token. */
    @Query("UPDATE mail_message SET sent_at = :at, attempts = attempts + 1, last_error = NULL,"
            + " text_body = CASE WHEN one_time THEN '' ELSE text_body END, html_body = CASE WHEN one_time THEN NULL ELSE html_body END"
            + " WHERE mail_id = :id")
    void sent(long id, Instant at);

    @Query("UPDATE mail_message SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error WHERE mail_id = :id")
    void retryLater(long id, Instant next, String error);

    @Query("UPDATE mail_message SET attempts = attempts + 1, refused_at = :at, last_error = :error WHERE mail_id = :id")
    void refused(long id, Instant at, String error);

    /** A refused message tried again from now (an administrator fixed the address or the server's settings). */
    @Query("UPDATE mail_message SET refused_at = NULL, next_attempt_at = :now WHERE mail_id = :id AND refused_at IS NOT NULL")
    int retry(long id, Instant now);

    @Query("SELECT COUNT(*) FROM mail_message WHERE sent_at IS NULL AND refused_at IS NULL")
    long waitingCount();

    @Query("SELECT MIN(created_at) FROM mail_message WHERE sent_at IS NULL AND refused_at IS NULL")
    Optional<Instant> oldestWaiting();

    @Query("SELECT COUNT(*) FROM mail_message WHERE refused_at IS NOT NULL")
    long refusedCount();

    /** The newest messages first, those in {@code state} (WAITING, SENT, REFUSED) when given, before the id {@code before}. */
    @Query("SELECT * FROM mail_message WHERE mail_id < :before AND (CAST(:state AS VARCHAR) IS NULL"
            + " OR (:state = 'WAITING' AND sent_at IS NULL AND refused_at IS NULL)"
            + " OR (:state = 'SENT' AND sent_at IS NOT NULL) OR (:state = 'REFUSED' AND refused_at IS NOT NULL))"
            + " ORDER BY mail_id DESC FETCH FIRST :limit ROWS ONLY")
    List<MailMessage> newest(@Nullable String state, long before, int limit);

    /** Deletes up to {@code limit} messages sent or refused before {@code before}, the oldest first; answers how many. */
    @Query("DELETE FROM mail_message WHERE mail_id IN (SELECT mail_id FROM mail_message WHERE sent_at < :before OR refused_at < :before"
            + " ORDER BY mail_id FETCH FIRST :limit ROWS ONLY)")
    int prune(Instant before, int limit);
}
