package tw.training.writtentest;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A course's item bank. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ItemRepository extends CrudRepository<Item, Long> {

    @Query("SELECT * FROM test_item WHERE course_id = :courseId AND retired_at IS NULL ORDER BY item_id")
    List<Item> inBank(long courseId);

    List<Item> findByIdIn(Collection<Long> ids);

    @Query("UPDATE test_item SET retired_at = :at WHERE item_id = :id")
    void retire(long id, Instant at);

    /** Which of these items some attempt drew: those are never changed or deleted, only retired. */
    @Query("SELECT DISTINCT item_id FROM attempt_item WHERE item_id IN (:ids)")
    List<Long> drawn(Collection<Long> ids);

    /** Locks the course's row until the transaction ends: changes to its bank and its tests take turns. */
    @Query("SELECT course_id FROM course WHERE course_id = :courseId FOR UPDATE")
    java.util.Optional<Long> lockCourse(long courseId);

    /** An indicator an item tests, by the ids people read ("KPS5294-001v4:P2.3.1"). */
    @Introspected
    record Tag(long itemId, long indicatorId, String standardCode, String code) {

        String indicator() {
            return standardCode + ":" + code;
        }
    }

    @Query("SELECT ii.item_id, ii.indicator_id, s.code AS standard_code, i.code FROM item_indicator ii"
            + " JOIN indicator i ON i.indicator_id = ii.indicator_id JOIN standard s ON s.standard_id = i.standard_id"
            + " WHERE ii.item_id IN (:itemIds) ORDER BY ii.item_id, s.code, i.sort_order")
    List<Tag> tags(Collection<Long> itemIds);
}
