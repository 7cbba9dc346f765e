package tw.training.evidence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface EvidenceUploadRepository extends CrudRepository<EvidenceUpload, Long> {

    /**
     * Uploads recorded before the instant, locked for the caller's transaction; rows another instance is sweeping
     * right now are skipped rather than waited for, so two sweeps never work on the same upload.
     */
    @Query("SELECT * FROM evidence_upload WHERE started_at < :before ORDER BY evidence_upload_id FETCH FIRST 500 ROWS ONLY FOR UPDATE SKIP LOCKED")
    List<EvidenceUpload> claimStartedBefore(Instant before);

    void deleteByStorageKeyIn(Collection<String> storageKeys);
}
