package tw.training.evidence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface EvidenceUploadRepository extends CrudRepository<EvidenceUpload, Long> {

    List<EvidenceUpload> findByStartedAtBefore(Instant instant);

    void deleteByStorageKeyIn(Collection<String> storageKeys);
}
