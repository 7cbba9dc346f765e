package tw.training.evidence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

/** The files of evidence. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EvidenceFileRepository extends GenericRepository<EvidenceFile, Long> {

    List<EvidenceFile> saveAll(Iterable<EvidenceFile> files);

    List<EvidenceFile> findByEvidenceIdOrderById(long evidenceId);

    List<EvidenceFile> findByEvidenceIdInOrderById(Collection<Long> evidenceIds);

    /** Every file of every evidence, a page at a time in id order: those after {@code afterId}, at most {@code limit}. */
    @Query("SELECT * FROM evidence_file WHERE evidence_file_id > :afterId ORDER BY evidence_file_id LIMIT :limit")
    List<EvidenceFile> after(long afterId, int limit);

    /** Which of these storage keys some evidence file or course material refers to (both are kept in the store). */
    @Query("SELECT storage_key FROM evidence_file WHERE storage_key IN (:keys)"
            + " UNION SELECT storage_key FROM material WHERE storage_key IN (:keys)")
    List<String> referenced(Collection<String> keys);
}
