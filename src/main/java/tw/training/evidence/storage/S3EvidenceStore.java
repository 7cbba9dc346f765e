package tw.training.evidence.storage;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tw.training.problem.UnavailableException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Objects in a bucket of an S3-compatible store (AWS S3, MinIO, Ceph…), configured by endpoint, region,
 * bucket and credentials. Several instances can share it.
 */
final class S3EvidenceStore implements EvidenceStore {

    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final long SECONDS_PER_MEGABYTE = 4;

    private final S3Client s3;
    private final String bucket;
    /** Every call but an upload: the whole call, retries included, and each attempt (README, "Time-outs"). */
    private final AwsRequestOverrideConfiguration bounded;
    private final Duration callTimeout;

    S3EvidenceStore(S3Client s3, String bucket, Duration callTimeout, Duration attemptTimeout) {
        this.s3 = s3;
        this.bucket = bucket;
        this.callTimeout = callTimeout;
        this.bounded = AwsRequestOverrideConfiguration.builder().apiCallTimeout(callTimeout).apiCallAttemptTimeout(attemptTimeout).build();
    }

    @Override
    public void put(String key, Path staged, String contentType) throws IOException {
        // an upload's bound grows with its size (as if the store took no more than 256 KB a second), so that a slow
        // link still carries a 500 MB material while a frozen store, whose full buffers block writes that no socket
        // time-out bounds, still ends it
        Duration bound = callTimeout.plusSeconds(Files.size(staged) * SECONDS_PER_MEGABYTE / (1024 * 1024));
        reaching(() -> s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType)
                        .overrideConfiguration(override -> override.apiCallTimeout(bound)).build(),
                RequestBody.fromFile(staged)));
        Files.delete(staged);
    }

    @Override
    public InputStream open(String key) throws MissingObjectException {
        return open(key, 0);
    }

    /** A ranged GET: only the bytes asked for leave the bucket. */
    @Override
    public InputStream open(String key, long first) throws MissingObjectException {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key).overrideConfiguration(bounded);
        if (first > 0) {
            request.range("bytes=" + first + "-");
        }
        try {
            return reaching(() -> s3.getObject(request.build()));
        } catch (NoSuchKeyException missing) {
            throw new MissingObjectException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new MissingObjectException(key);
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        reaching(() -> s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).overrideConfiguration(bounded).build()));
    }

    @Override
    public boolean exists(String key) {
        try {
            reaching(() -> s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).overrideConfiguration(bounded).build()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void list(String prefix, Consumer<StoredObject> each) {
        reaching(() -> {
            s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).overrideConfiguration(bounded).build()).contents()
                    .forEach(object -> each.accept(new StoredObject(object.key(), object.size(), object.lastModified())));
            return null;
        });
    }

    /**
     * A call of the store, whose failure to reach it (no connection, a time-out, the server's own 5xx) is an
     * outage, answered 503, and not a fault of the request.
     */
    private <T> T reaching(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkClientException e) {
            throw new UnavailableException("evidence store", RETRY);
        } catch (S3Exception e) {
            if (e.statusCode() >= 500) {
                throw new UnavailableException("evidence store", RETRY);
            }
            throw e;
        }
    }

    @Override
    public void check() throws IOException {
        try {
            s3.headBucket(HeadBucketRequest.builder().bucket(bucket).overrideConfiguration(bounded).build());
        } catch (SdkException e) {
            throw new IOException("the bucket " + bucket + " cannot be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "bucket " + bucket;
    }
}
