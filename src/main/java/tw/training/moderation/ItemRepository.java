package tw.training.moderation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The sampled judgements, inserted at the draw (their marking is written by {@link ModerationRepository}). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ItemRepository extends GenericRepository<ItemRow, Long> {

    List<ItemRow> saveAll(Iterable<ItemRow> rows);
}
