package tw.training.notification;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The cursor of told judgements, and the judgements the log sequenced after it. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface NoticeCursorRepository extends GenericRepository<NoticeCursor, Integer> {

    /** The cursor, locked for this telling transaction; empty while another instance is telling. */
    @Query("SELECT * FROM notice_cursor WHERE cursor_id = 1 FOR UPDATE SKIP LOCKED")
    Optional<NoticeCursor> lockUnlessTelling();

    @Query("UPDATE notice_cursor SET position = :position WHERE cursor_id = 1")
    void advance(long position);

    /** How many leaves the log has: every leaf below it is committed (the sequencer gives indexes in one locked turn). */
    @Query("SELECT tree_size FROM transparency_head WHERE head_id = 1")
    long leaves();

    /** A judgement's leaf. */
    @Introspected
    record Leaf(long leafIndex, long judgementId) {
    }

    /** The judgements of leaves {@code from} (included) to {@code to} (excluded) in the log's order; a move's carried ones tell nothing. */
    @Query("SELECT l.leaf_index, l.record_id AS judgement_id FROM transparency_leaf l JOIN judgement j ON j.judgement_id = l.record_id"
            + " WHERE l.kind = 'JUDGEMENT' AND l.leaf_index >= :from AND l.leaf_index < :to AND j.carried_from IS NULL"
            + " ORDER BY l.leaf_index FETCH FIRST :limit ROWS ONLY")
    List<Leaf> judgements(long from, long to, int limit);
}
