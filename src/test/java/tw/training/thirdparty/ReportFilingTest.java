package tw.training.thirdparty;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tw.training.account.Roles;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.RowCounts;
import tw.training.testing.S3Server;
import tw.training.testing.SentMail;
import tw.training.testing.ShiftedClock;
import tw.training.testing.TcpRelay;
import tw.training.testing.TestDatabases;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A report signed while the evidence store does not answer (an S3 store behind a relay the test freezes) is signed and
 * kept all the same; once the store is back, the filing tried again files it as evidence, once.
 */
class ReportFilingTest {

    private static final Duration NO_ANSWER = Duration.ofSeconds(60);
    private static final String INDICATOR = PortfolioCourse.STANDARD + ":P2.3.1";

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void aReportSignedWhileTheStoreIsAwayIsFiledOnceItIsBack() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabases.fresh());
        Map<String, String> s3 = S3Server.freshBucket();
        properties.putAll(s3);
        TcpRelay relay = new TcpRelay(URI.create(s3.get("app.evidence.s3.endpoint")).getPort());
        opened.add(relay);
        properties.put("app.evidence.s3.endpoint", "http://127.0.0.1:" + relay.port());
        properties.put("app.evidence.s3.call-timeout", "1500ms");
        properties.put("app.evidence.s3.attempt-timeout", "700ms");
        properties.put("app.evidence.s3.socket-timeout", "1s");
        properties.put("test.clock.shiftable", "true");
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        opened.add(server);
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(NO_ANSWER);
        HttpClient http = HttpClient.create(server.getURL(), configuration);
        opened.add(http);
        ApplicationContext context = server.getApplicationContext();
        RowCounts rows = new RowCounts(context.getBean(DataSource.class), List.of());

        String trainer = TestUsers.of(context, http).tokenFor("filing.trainer", Roles.TRAINER);
        TestUsers.of(context, http).create("filing.learner", Roles.LEARNER);
        PortfolioCourse course = PortfolioCourse.publish(http, trainer, "FILING-1", "客訴處理實務", List.of("PORTFOLIO", "THIRD_PARTY_REPORT"));
        long enrollment = course.enroll("filing.learner");
        PortfolioCourse.post(http, "/api/enrollments/" + enrollment + "/third-party-requests", trainer, Map.of("name", "林主任",
                "email", "lin@filing.example", "organisation", "好客飯店", "position", "櫃檯主任", "relationship", "直屬主管",
                "indicators", List.of(INDICATOR)));
        String token = SentMail.thirdPartyToken(rows, "lin@filing.example");
        http.toBlocking().exchange(HttpRequest.POST("/api/third-party/" + token + "/code", ""));
        String code = SentMail.code(rows, "lin@filing.example");

        relay.freeze();
        assertEquals(201, http.toBlocking().exchange(HttpRequest.POST("/api/third-party/" + token + "/report", Map.of("code", code,
                "answers", List.of(Map.of("indicator", INDICATOR, "observed", "CONSISTENTLY", "examples", "每週處理客訴")), "period", "2026 年秋",
                "place", "櫃檯", "monthsSupervised", 6, "firstHand", true, "noConflict", true, "mayContact", true, "signedName", "林主任",
                "intent", true))).code(), "signed, whatever the store");
        assertEquals("1", rows.single("SELECT COUNT(*) FROM third_party_request WHERE signed_report IS NOT NULL AND evidence_id IS NULL"));
        ReportSubmissions submissions = context.getBean(ReportSubmissions.class);
        assertEquals(0, submissions.fileUnfiled(), "not while the request that signed it may still be filing it");

        relay.thaw();
        context.getBean(ShiftedClock.class).pass(ReportSubmissions.FILING_GRACE.plusSeconds(1));
        assertEquals(1, submissions.fileUnfiled());
        assertEquals(0, submissions.fileUnfiled(), "filed once");
        assertEquals("1", rows.single("SELECT COUNT(*) FROM evidence WHERE method = 'THIRD_PARTY_REPORT' AND enrollment_id = " + enrollment));
        assertEquals("0", rows.single("SELECT COUNT(*) FROM third_party_request WHERE evidence_id IS NULL"));
    }
}
