package tw.training.revision;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 35, build 5, on H2 and PostgreSQL: a learner of a course on KPS5294-001v3 moved to the course's revision on v5
 * walks v3 → v4 → v5, each step through its confirmed crosswalk; while the v3 → v4 step is unconfirmed the move is
 * refused, naming that step, and nothing is written.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearnerMoveChainTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    @Test
    @SuppressWarnings("unchecked")
    void aChainCarriesStepByStepAndAMissingLinkRefusesTheMoveByName() {
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("chain.trainer", Roles.TRAINER);
        String learner = users.tokenFor("chain.learner", Roles.LEARNER);
        RowCounts rows = new RowCounts(dataSource, List.of());
        for (byte[] document : List.of(RevisedStandard.v3().getBytes(StandardCharsets.UTF_8), RevisedStandard.v5())) {
            http.toBlocking().exchange(HttpRequest.POST("/api/standards", document).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(trainer));
        }
        long course = PortfolioCourse.id(PortfolioCourse.post(http, "/api/courses", trainer, Map.of("code", "CHAIN-1", "title", "客訴處理", "hours", 6)));
        PortfolioCourse.post(http, "/api/courses/" + course + "/alignments", trainer, Map.of("standardCode", "KPS5294-001v3", "taskCode", "T2.3",
                "methods", List.of("PORTFOLIO")));
        PortfolioCourse.post(http, "/api/courses/" + course + "/publish", trainer, Map.of());
        long enrollment = PortfolioCourse.id(PortfolioCourse.post(http, "/api/courses/" + course + "/enrollments", trainer, Map.of("username", "chain.learner")));
        long evidence = PortfolioCourse.id(http.toBlocking().retrieve(HttpRequest.POST("/api/enrollments/" + enrollment + "/evidence", MultipartBody.builder()
                        .addPart("metadata", "{\"method\":\"PORTFOLIO\",\"title\":\"演練\",\"indicators\":[\"KPS5294-001v3:P2.3.1\",\"KPS5294-001v3:P2.3.3\"]}")
                        .addPart("file", "drill.pdf", new MediaType("application/pdf"), PortfolioCourse.PDF).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(learner), Argument.mapOf(String.class, Object.class)));
        http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course + "/judgements", List.of(
                Map.of("evidenceId", evidence, "indicator", "KPS5294-001v3:P2.3.1", "outcome", "MET", "comment", "符合"),
                Map.of("evidenceId", evidence, "indicator", "KPS5294-001v3:P2.3.3", "outcome", "MET", "comment", "符合"))).bearerAuth(trainer));
        List<String> originals = rows.rows("SELECT judgement_id FROM judgement WHERE evidence_id = " + evidence + " ORDER BY indicator_id");

        // the course realigned by hand to v5 and published; v4 → v5 confirmed, v3 → v4 only proposed
        http.toBlocking().exchange(HttpRequest.DELETE("/api/courses/" + course + "/alignments/KPS5294-001v3:T2.3").bearerAuth(trainer));
        PortfolioCourse.post(http, "/api/courses/" + course + "/alignments", trainer, Map.of("standardCode", "KPS5294-001v5", "taskCode", "T2.3",
                "methods", List.of("PORTFOLIO")));
        PortfolioCourse.post(http, "/api/courses/" + course + "/publish", trainer, Map.of());
        long first = PortfolioCourse.id(PortfolioCourse.post(http, "/api/crosswalks", trainer, Map.of("from", "KPS5294-001v3", "to", "KPS5294-001v4")));
        long second = PortfolioCourse.id(PortfolioCourse.post(http, "/api/crosswalks", trainer, Map.of("from", "KPS5294-001v4", "to", "KPS5294-001v5")));
        PortfolioCourse.post(http, "/api/crosswalks/" + second + "/confirmation", trainer, Map.of());

        String moves = "/api/courses/" + course + "/learner-moves";
        for (Map<String, Object> body : List.of(Map.<String, Object>of("dryRun", true), Map.<String, Object>of())) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                    HttpRequest.POST(moves, body).bearerAuth(trainer).header("Accept-Language", "en")));
            assertEquals(409, refused.code());
            String problem = refused.getResponse().getBody(String.class).orElseThrow();
            assertTrue(problem.contains("No confirmed crosswalk from KPS5294-001v3 to KPS5294-001v4"), problem);
        }
        assertEquals("0", rows.single("SELECT COUNT(*) FROM learner_move"));
        assertEquals("1", rows.single("SELECT r.revision_number FROM enrollment e JOIN course_revision r ON r.revision_id = e.revision_id"
                + " WHERE e.enrollment_id = " + enrollment));

        PortfolioCourse.post(http, "/api/crosswalks/" + first + "/confirmation", trainer, Map.of());
        Map<String, Object> run = PortfolioCourse.post(http, moves, trainer, Map.of());
        Map<String, Object> moved = ((List<Map<String, Object>>) run.get("learners")).get(0);
        assertEquals("MOVED", moved.get("state"));
        assertEquals(List.of("KPS5294-001v3 → KPS5294-001v4 → KPS5294-001v5"), moved.get("via"));
        assertEquals(List.of("KPS5294-001v3:P2.3.1 → KPS5294-001v5:P2.3.1", "KPS5294-001v3:P2.3.3 → KPS5294-001v5:P2.3.4"),
                ((List<Map<String, Object>>) ((Map<String, Object>) moved.get("items")).get("carried")).stream()
                        .map(c -> c.get("from") + " → " + c.get("to")).toList());
        assertEquals(originals, rows.rows("SELECT carried_from FROM judgement WHERE move_id IS NOT NULL ORDER BY indicator_id"),
                "each carried judgement names the v3 original, not a copy on v4");
    }
}
