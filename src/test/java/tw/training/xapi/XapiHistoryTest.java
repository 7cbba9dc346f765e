package tw.training.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Issue 36, acceptance 2: the statements of one seeded history — two learners, evidence claiming indicators out of the
 * catalogue's order, a judgement NOT_YET then MET, a batch that completes an enrollment, a certificate, a second
 * learner judged in part — are exactly those captured in {@code xapi/seeded-history.json}: the same ids, in the same
 * order, with the same content. Only what a run cannot fix is left out of the comparison: each statement's
 * {@code timestamp} (the time of the run) and the server's address (its port), both checked for form.
 * <p>
 * The file was captured from the outbox that wrote each statement with its event (with ids already named by their
 * records), before the statements were derived from the records: {@code -Dxapi.capture=true} writes it anew.
 */
@MicronautTest(transactional = false)
class XapiHistoryTest implements DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAPTURED = "xapi/seeded-history.json";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Test
    void theStatementsOfASeededHistoryAreTheOnesCaptured() throws Exception {
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("history.trainer", Roles.TRAINER);
        String admin = users.tokenFor("history.admin", Roles.ADMIN);
        String first = users.tokenFor("history.first", Roles.LEARNER);
        String second = users.tokenFor("history.second", Roles.LEARNER);
        PortfolioCourse course = PortfolioCourse.publish(http, trainer, "HISTORY-1", "客訴處理實務");
        long firstEnrollment = course.enroll("history.first");
        long secondEnrollment = course.enroll("history.second");

        long drill = course.submitPdf(first, firstEnrollment, "第一次演練", List.of("P2.3.3", "P2.3.1"));
        course.judge(drill, "P2.3.1", "NOT_YET", "再試一次");
        long again = course.submitPdf(first, firstEnrollment, "完整演練", List.of("P2.3.4", "P2.3.2", "P2.3.1", "P2.3.3"));
        course.judge(again, "P2.3.1", "MET", "好");
        long partial = course.submitPdf(second, secondEnrollment, "部分演練", List.of("P2.3.2"));
        course.judge(partial, "P2.3.2", "MET", "可");
        course.meet(again, List.of("P2.3.2", "P2.3.3", "P2.3.4"), "完整");
        PortfolioCourse.post(http, "/api/enrollments/" + firstEnrollment + "/certificate", admin, Map.of());

        List<String> statements = statements(admin);
        if (Boolean.getBoolean("xapi.capture")) {
            Path file = Path.of("src/test/resources", CAPTURED);
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", statements) + "\n");
        }
        assertEquals(captured(), statements);
    }

    /** Every statement as one line of JSON, in order, with the run's times and address set aside. */
    private List<String> statements(String admin) throws IOException {
        JsonNode answer = JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET("/api/xapi/statements?limit=1000").bearerAuth(admin)));
        String home = answer.get("statements").get(0).get("actor").get("account").get("homePage").asText();
        List<String> lines = new ArrayList<>();
        for (JsonNode statement : answer.get("statements")) {
            ObjectNode copy = statement.deepCopy();
            assertNotNull(java.time.OffsetDateTime.parse(copy.get("timestamp").asText()), "a timestamp with its zone");
            copy.put("timestamp", "(the time of the run)");
            lines.add(JSON.writeValueAsString(copy).replace(home, "(home)"));
        }
        return lines;
    }

    private static List<String> captured() throws IOException {
        try (InputStream in = XapiHistoryTest.class.getClassLoader().getResourceAsStream(CAPTURED)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
