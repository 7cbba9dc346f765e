package tw.training.evidence.storage;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import tw.training.problem.ConfigurationProblem;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Chooses the store by {@code app.evidence.store}: {@code local} (default, under {@code app.evidence.local-dir})
 * or {@code s3} (bucket, endpoint, region, credentials under {@code app.evidence.s3.*}).
 */
@Factory
class EvidenceStorage {

    /** Made at start ({@code @Context}): a store that cannot be reached stops the start, naming its setting. */
    @Context
    EvidenceStore evidenceStore(@Value("${app.evidence.store:local}") String kind,
                                @Value("${app.evidence.local-dir:./data/evidence}") String localDir,
                                @Nullable @Value("${app.evidence.s3.bucket:}") String bucket,
                                @Nullable @Value("${app.evidence.s3.endpoint:}") String endpoint,
                                @Value("${app.evidence.s3.region:us-east-1}") String region,
                                @Nullable @Value("${app.evidence.s3.access-key:}") String accessKey,
                                @Nullable @Value("${app.evidence.s3.secret-key:}") String secretKey) {
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
        S3ClientBuilder builder = S3Client.builder().region(Region.of(region))
                .credentialsProvider(accessKey == null || accessKey.isBlank() ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        if (endpoint != null && !endpoint.isBlank()) {
            // S3-compatible servers other than AWS are addressed by endpoint and path-style bucket names, and many
            // do not know the trailing checksums the SDK sends by default; checksums are then sent only where required
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        S3EvidenceStore store = new S3EvidenceStore(builder.build(), bucket);
        try {
            store.check();
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationProblem(endpoint == null || endpoint.isBlank() ? "APP_EVIDENCE_S3_BUCKET" : "APP_EVIDENCE_S3_ENDPOINT",
                    "names a store that cannot be reached now (bucket " + bucket + (endpoint == null || endpoint.isBlank() ? "" : " at " + endpoint)
                            + "): " + e.getMessage());
        }
        return store;
    }
}
