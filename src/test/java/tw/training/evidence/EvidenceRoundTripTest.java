package tw.training.evidence;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import tw.training.testing.DatabaseTest;

import java.util.HashMap;
import java.util.Map;

/** The evidence round trip of {@link EvidenceRoundTrip}, once per evidence store (the subclasses). */
abstract class EvidenceRoundTripTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    /** The evidence store the application runs with. */
    abstract Map<String, String> store();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.putAll(store());
        return properties;
    }

    @Test
    void uploadsDownloadsAndJudgesTwoFilesWithChineseNames() {
        EvidenceRoundTrip.run(http, context, getClass().getSimpleName().toLowerCase().substring(0, 5));
    }
}
