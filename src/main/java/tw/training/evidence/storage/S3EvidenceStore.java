package tw.training.evidence.storage;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Objects in a bucket of an S3-compatible store (AWS S3, MinIO, Ceph…), configured by endpoint, region,
 * bucket and credentials. Several instances can share it.
 */
final class S3EvidenceStore implements EvidenceStore {

    private final S3Client s3;
    private final String bucket;

    S3EvidenceStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, Path staged, String contentType) throws IOException {
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType).build(), RequestBody.fromFile(staged));
        Files.delete(staged);
    }

    @Override
    public InputStream open(String key) {
        return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build());
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
    }

    @Override
    public List<String> keysStoredBefore(Instant instant) {
        return s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).build()).contents().stream()
                .filter(object -> object.lastModified().isBefore(instant))
                .map(S3Object::key)
                .toList();
    }
}
