package tw.training.revision;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The judgements moves carry, written in one batch per move. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CarriedJudgementRepository extends GenericRepository<CarriedJudgementRow, Long> {

    List<CarriedJudgementRow> saveAll(Iterable<CarriedJudgementRow> rows);
}
