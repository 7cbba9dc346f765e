package tw.training.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A row of {@code evidence_file}: a stored file of a piece of evidence (its bytes are in the evidence store, under its key). */
@MappedEntity("evidence_file")
record EvidenceFile(@Id @GeneratedValue @MappedProperty("evidence_file_id") @Nullable Long id, long evidenceId, String storageKey,
                    String filename, String contentType, @MappedProperty("size_bytes") long size, String sha256) {
}
