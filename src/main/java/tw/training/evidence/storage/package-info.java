/**
 * Where evidence files live: an {@link tw.training.evidence.storage.EvidenceStore} on local disk (the
 * embedded default) or in an S3-compatible object store. Uploads are staged to disk while their SHA-256 is
 * computed and their type is told from their bytes; only checked, complete files reach the store, under
 * generated keys. Nothing here holds a whole file in memory.
 */
package tw.training.evidence.storage;
