package tw.training.evidence.storage;

import jakarta.inject.Singleton;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tw.training.health.Dependencies;
import tw.training.problem.ConfigurationProblem;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Chooses the store by {@code app.evidence.store}: {@code local} (default, under {@code app.evidence.local-dir})
 * or {@code s3} (bucket, endpoint, region, credentials under {@code app.evidence.s3.*}).
 */
@Factory
class EvidenceStorage {

    /** Made at the server's start ({@link tw.training.startup.CheckedAtStart}): a store that cannot be reached stops it, naming its setting. */
    @Singleton
    EvidenceStore evidenceStore(@Value("${app.evidence.store:local}") String kind,
                                @Value("${app.evidence.local-dir:./data/evidence}") String localDir,
                                @Nullable @Value("${app.evidence.s3.bucket:}") String bucket,
                                @Nullable @Value("${app.evidence.s3.endpoint:}") String endpoint,
                                @Value("${app.evidence.s3.region:us-east-1}") String region,
                                @Nullable @Value("${app.evidence.s3.access-key:}") String accessKey,
                                @Nullable @Value("${app.evidence.s3.secret-key:}") String secretKey,
                                @Value("${app.evidence.s3.call-timeout:10s}") Duration callTimeout,
                                @Value("${app.evidence.s3.attempt-timeout:4s}") Duration attemptTimeout,
                                @Value("${app.evidence.s3.socket-timeout:20s}") Duration socketTimeout,
                                @Value("${app.evidence.s3.connect-timeout:2s}") Duration connectTimeout) {
        if ("local".equals(kind)) {
            return new LocalEvidenceStore(Path.of(localDir));
        }
        if (!"s3".equals(kind)) {
            throw new ConfigurationProblem("APP_EVIDENCE_STORE", "must be local or s3, not '" + kind + "'");
        }
        if (bucket == null || bucket.isBlank()) {
            throw new ConfigurationProblem("APP_EVIDENCE_S3_BUCKET", "is required with APP_EVIDENCE_STORE=s3");
        }
        if (endpoint != null && !endpoint.isBlank() && !endpoint.matches("https?://.+")) {
            throw new ConfigurationProblem("APP_EVIDENCE_S3_ENDPOINT", "must be an http:// or https:// address, not '" + endpoint + "'");
        }
        // a store that accepts connections but never answers must not hold requests: silence on a connection (uploads
        // included, however large) ends it after socketTimeout, and every other call has callTimeout in all (S3EvidenceStore)
        S3ClientBuilder builder = S3Client.builder().region(Region.of(region))
                .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(socketTimeout).connectionTimeout(connectTimeout)
                        .connectionAcquisitionTimeout(connectTimeout))
                .credentialsProvider(accessKey == null || accessKey.isBlank() ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        if (endpoint != null && !endpoint.isBlank()) {
            // S3-compatible servers other than AWS are addressed by endpoint and path-style bucket names, and many
            // do not know the trailing checksums the SDK sends by default; checksums are then sent only where required
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        S3EvidenceStore store = new S3EvidenceStore(builder.build(), bucket, callTimeout, attemptTimeout);
        try {
            store.check();
        } catch (IOException | RuntimeException e) {
            throw refused(e, bucket, endpoint == null || endpoint.isBlank() ? "AWS S3" : endpoint);
        }
        return store;
    }

    /**
     * The setting at fault when the bucket does not answer: the store answered that it has no such bucket (404), that it
     * does not know the key or its signature (401, 403), or nothing at all (the endpoint).
     */
    private static ConfigurationProblem refused(Exception failure, String bucket, String endpoint) {
        S3Exception answer = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof S3Exception s3) {
                answer = s3;
            }
        }
        int status = answer == null ? 0 : answer.statusCode();
        String said = answer == null ? Dependencies.reason(failure)
                : "HTTP " + status + (answer.awsErrorDetails() == null || answer.awsErrorDetails().errorCode() == null ? ""
                        : " " + answer.awsErrorDetails().errorCode());
        if (status == 404) {
            return new ConfigurationProblem("APP_EVIDENCE_S3_BUCKET", "names a bucket the store at " + endpoint + " does not have ("
                    + bucket + ", " + said + ")");
        }
        if (status == 401 || status == 403) {
            return new ConfigurationProblem("APP_EVIDENCE_S3_ACCESS_KEY or APP_EVIDENCE_S3_SECRET_KEY", "is refused by the store at "
                    + endpoint + " for bucket " + bucket + " (" + said + "): check the key, its secret and its right to the bucket");
        }
        return new ConfigurationProblem("AWS S3".equals(endpoint) ? "APP_EVIDENCE_S3_BUCKET" : "APP_EVIDENCE_S3_ENDPOINT",
                "names a store that cannot be reached now (bucket " + bucket + " at " + endpoint + "): " + said);
    }
}
