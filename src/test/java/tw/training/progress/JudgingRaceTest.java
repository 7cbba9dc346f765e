package tw.training.progress;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.course.CourseFixtures;
import tw.training.testing.DatabaseTest;
import tw.training.testing.Parallel;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Twenty assessors judging one learner's evidence at once, single judgements and batches mixed: every request is
 * answered 201, every acknowledged judgement is stored, and the progress derived along the way is exactly what a
 * rebuild derives from the stored judgements afterwards.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JudgingRaceTest implements DatabaseTest {

    private static final int ASSESSORS = 20;
    private static final int JUDGEMENTS_EACH = 15;
    /** Evidence of the complaints course's plan, each with the indicators its method assesses. */
    private static final Map<String, List<String>> CLAIMS = Map.of(
            "OBSERVATION", List.of("KPS5294-001v4:P2.3.1", "KPS5294-001v4:P2.3.3", "KPS5294-001v4:P2.3.4"),
            "PORTFOLIO", List.of("KPS5294-001v4:P2.3.1", "KPS5294-001v4:P2.3.3", "KPS5294-001v4:P2.3.4"),
            "ORAL_QUESTIONING", List.of("KPS5294-001v4:P2.3.2"),
            "WORK_PRODUCT", List.of("KPS5294-001v4:P2.4.1", "KPS5294-001v4:P2.4.3"));

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    private long course;
    private long enrollment;
    private final List<String> assessors = new ArrayList<>();
    private final Map<Long, List<String>> evidence = new TreeMap<>();

    @BeforeAll
    void aLearnerWithEvidenceOfEveryMethod() {
        TestUsers users = TestUsers.of(context, http);
        String owner = users.tokenFor("race.owner", Roles.TRAINER);
        course = CourseFixtures.publishedComplaintsCourse(http, owner, "RACE", "同時評量");
        assessors.add(owner);
        for (int i = 1; i < 5; i++) {
            users.create("race.assessor" + i, Roles.TRAINER);
            http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course + "/trainers", Map.of("username", "race.assessor" + i)).bearerAuth(owner));
            assessors.add(users.login("race.assessor" + i, TestUsers.PASSWORD));
        }
        users.create("race.learner", Roles.LEARNER);
        enrollment = id(http.toBlocking().retrieve(HttpRequest.POST("/api/courses/" + course + "/enrollments",
                Map.of("username", "race.learner")).bearerAuth(owner), Map.class));
        String learner = users.login("race.learner", TestUsers.PASSWORD);
        CLAIMS.forEach((method, indicators) -> {
            String metadata = "{\"method\":\"" + method + "\",\"title\":\"" + method + "\",\"indicators\":[\"" + String.join("\",\"", indicators) + "\"]}";
            Map<?, ?> submitted = http.toBlocking().retrieve(HttpRequest.POST("/api/enrollments/" + enrollment + "/evidence",
                    MultipartBody.builder().addPart("metadata", metadata).build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(learner), Map.class);
            evidence.put(id(submitted), indicators);
        });
    }

    @Test
    void everyConcurrentJudgementIsStoredAndTheLedgerEqualsARebuild() throws Exception {
        List<Long> evidenceIds = List.copyOf(evidence.keySet());
        List<int[]> outcomes = Parallel.run(ASSESSORS, client -> {
            Random random = new Random(client);
            String token = assessors.get(client % assessors.size());
            int acknowledged = 0;
            int failures = 0;
            for (int sent = 0; sent < JUDGEMENTS_EACH; ) {
                int size = sent % 3 == 2 ? Math.min(3, JUDGEMENTS_EACH - sent) : 1;
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int k = 0; k < size; k++) {
                    long evidenceId = evidenceIds.get(random.nextInt(evidenceIds.size()));
                    List<String> indicators = evidence.get(evidenceId);
                    batch.add(Map.of("evidenceId", evidenceId, "indicator", indicators.get(random.nextInt(indicators.size())),
                            "outcome", random.nextInt(4) == 0 ? "NOT_YET" : "MET", "comment", "評量者 " + client));
                }
                try {
                    if (size == 1) {
                        Map<String, Object> one = batch.get(0);
                        http.toBlocking().exchange(HttpRequest.POST("/api/evidence/" + one.get("evidenceId") + "/judgements",
                                Map.of("indicator", one.get("indicator"), "outcome", one.get("outcome"), "comment", one.get("comment"))).bearerAuth(token));
                    } else {
                        http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course + "/judgements", batch).bearerAuth(token));
                    }
                    acknowledged += size;
                } catch (HttpClientResponseException e) {
                    failures++;
                    System.out.println("refused " + e.getStatus() + " " + e.getResponse().getBody(String.class).orElse("") + " for " + batch);
                }
                sent += size;
            }
            return new int[] {acknowledged, failures};
        });

        int acknowledged = outcomes.stream().mapToInt(o -> o[0]).sum();
        assertEquals(0, outcomes.stream().mapToInt(o -> o[1]).sum(), "every judgement request answered 201");
        assertEquals(ASSESSORS * JUDGEMENTS_EACH, acknowledged);
        RowCounts database = new RowCounts(dataSource, List.of());
        assertEquals(String.valueOf(acknowledged), database.single("SELECT COUNT(*) FROM judgement j JOIN evidence v ON v.evidence_id = j.evidence_id"
                + " WHERE v.enrollment_id = " + enrollment));
        List<String> derived = ledger(database);
        context.getBean(ProgressService.class).rebuild();
        assertEquals(ledger(database), derived, "the ledger derived judgement by judgement is what a rebuild derives");
        assertTrue(derived.stream().anyMatch(row -> row.startsWith(enrollment + " |")), "the learner met something: " + derived);
    }

    private static List<String> ledger(RowCounts database) {
        List<String> rows = new ArrayList<>(database.rows("SELECT enrollment_id, indicator_id, method, evidence_id, judgement_id, assessor_id,"
                + " judged_at FROM satisfaction ORDER BY enrollment_id, indicator_id, method"));
        rows.addAll(database.rows("SELECT enrollment_id, indicators_met, met_indicators FROM enrollment_progress ORDER BY enrollment_id"));
        rows.addAll(database.rows("SELECT enrollment_id, status, completed_at FROM enrollment ORDER BY enrollment_id"));
        return rows;
    }

    private static long id(Map<?, ?> json) {
        return ((Number) json.get("id")).longValue();
    }
}
