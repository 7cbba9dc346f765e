package tw.training.evidence;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.DatabaseTest;
import tw.training.testing.TestFolders;

import java.util.HashMap;
import java.util.Map;

/** The evidence round trip with files on local disk (the embedded default). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStoreEvidenceTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.putAll(TestFolders.localEvidence());
        return properties;
    }

    @Test
    void uploadsDownloadsAndJudgesTwoFilesWithChineseNames() {
        EvidenceRoundTrip.run(http, context, "local");
    }
}
