package tw.training.moderation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The populations samples were drawn from, as they were. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PopulationRepository extends GenericRepository<PopulationRow, Long> {

    List<PopulationRow> saveAll(Iterable<PopulationRow> rows);

    List<PopulationRow> findBySampleIdOrderByJudgementId(long sampleId);
}
