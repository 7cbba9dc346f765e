package tw.training.writtentest;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

/** Items' options with their key; and removing the indicators an item tests (when it changes). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OptionRepository extends GenericRepository<ItemOption, Long> {

    List<ItemOption> saveAll(Iterable<ItemOption> options);

    @Query("SELECT * FROM item_option WHERE item_id IN (:itemIds) ORDER BY item_id, position")
    List<ItemOption> of(Collection<Long> itemIds);

    @Query("DELETE FROM item_option WHERE item_id = :itemId")
    void deleteOf(long itemId);

    @Query("DELETE FROM item_indicator WHERE item_id = :itemId")
    void untag(long itemId);
}
