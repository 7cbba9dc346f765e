package tw.training.evidence;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.DatabaseTest;
import tw.training.testing.S3Server;

import java.util.HashMap;
import java.util.Map;

/** The evidence round trip with files in an S3-compatible object store the test starts itself. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3StoreEvidenceTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.putAll(S3Server.freshBucket());
        return properties;
    }

    @Test
    void uploadsDownloadsAndJudgesTwoFilesWithChineseNames() {
        EvidenceRoundTrip.run(http, context, "s3");
    }
}
