package tw.training.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A file on its way into the store: recorded before it is written, gone once its evidence is recorded. */
@MappedEntity("evidence_upload")
record EvidenceUpload(@Id @GeneratedValue @MappedProperty("evidence_upload_id") @Nullable Long id, String storageKey, Instant startedAt) {
}
