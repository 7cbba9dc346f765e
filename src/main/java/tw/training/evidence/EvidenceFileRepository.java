package tw.training.evidence;

import io.micronaut.core.annotation.Introspected;
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

    /**
     * An object of the store the database refers to, whatever refers to it (an evidence file, a course material's file, a provider's logo;
     * a material copied into a draft shares its original's object): what it must hold, and who refers to it, in words.
     */
    @Introspected
    record RecordedObject(String storageKey, String sha256, String contentType, long sizeBytes, String owner) {
    }

    /** Every object the database refers to, a page at a time in key order: those after {@code afterKey}, at most {@code limit}. */
    @Query("SELECT storage_key, MIN(sha256) AS sha256, MIN(content_type) AS content_type, MIN(size_bytes) AS size_bytes, MIN(owner) AS owner"
            + " FROM (SELECT storage_key, sha256, content_type, size_bytes,"
            + " 'evidence ' || CAST(evidence_id AS VARCHAR(20)) || ', file ' || CAST(evidence_file_id AS VARCHAR(20)) || ', ' || filename AS owner"
            + " FROM evidence_file"
            + " UNION ALL SELECT storage_key, sha256, content_type, size_bytes,"
            + " 'material ' || CAST(material_id AS VARCHAR(20)) || ', ' || COALESCE(filename, title) AS owner"
            + " FROM material WHERE storage_key IS NOT NULL"
            + " UNION ALL SELECT storage_key, sha256, content_type, size_bytes, 'provider logo ' || CAST(logo_id AS VARCHAR(20)) || ', ' || filename AS owner"
            + " FROM provider_logo) recorded"
            + " WHERE storage_key > :afterKey GROUP BY storage_key ORDER BY storage_key LIMIT :limit")
    List<RecordedObject> recorded(String afterKey, int limit);

    /** Which of these storage keys some evidence file, course material or provider logo refers to (all are kept in the store). */
    @Query("SELECT storage_key FROM evidence_file WHERE storage_key IN (:keys)"
            + " UNION SELECT storage_key FROM material WHERE storage_key IN (:keys)"
            + " UNION SELECT storage_key FROM provider_logo WHERE storage_key IN (:keys)")
    List<String> referenced(Collection<String> keys);
}
