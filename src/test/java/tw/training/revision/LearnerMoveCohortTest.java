package tw.training.revision;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.progress.ProgressService;
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 35, acceptance 3, on H2 and PostgreSQL (the PostgreSQL run is the acceptance): a course on KPS5294-001v4 with 200
 * learners (written in batches, their progress derived by the ledger's rebuild, as after a bulk load) migrated to v5 and
 * published, then all 200 moved in one request (sent four times at once: one moves them, the others find them moved);
 * the ledger afterwards equals what {@code rebuild-progress} derives. The
 * time on a production-like server is {@code MoveBenchmark}'s.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearnerMoveCohortTest implements DatabaseTest {

    private static final int LEARNERS = 200;
    /** Ids far above what the sequences hand out in this test, so rows written here and by the service never meet. */
    private static final long FIRST = 500_000;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    @Inject
    ProgressService progress;

    @Test
    void twoHundredLearnersMoveInOneRunAndTheLedgerEqualsARebuild() throws Exception {
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("cohort.trainer", Roles.TRAINER);
        RowCounts rows = new RowCounts(dataSource, List.of());
        http.toBlocking().exchange(HttpRequest.POST("/api/standards", RevisedStandard.v5()).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(trainer));
        PortfolioCourse course = PortfolioCourse.publish(http, trainer, "COHORT-200", "客訴處理實務");
        long revision = Long.parseLong(rows.single("SELECT revision_id FROM course_revision WHERE course_id = " + course.id()));
        long assessor = Long.parseLong(rows.single("SELECT user_id FROM app_user WHERE username = 'cohort.trainer'"));
        List<Long> indicators = rows.rows("SELECT indicator_id FROM plan_indicator WHERE revision_id = " + revision + " ORDER BY indicator_id")
                .stream().map(Long::parseLong).toList();
        load(course.id(), revision, assessor, indicators);
        progress.rebuild();

        long crosswalk = PortfolioCourse.id(PortfolioCourse.post(http, "/api/crosswalks", trainer, Map.of("from", "KPS5294-001v4", "to", "KPS5294-001v5")));
        PortfolioCourse.post(http, "/api/crosswalks/" + crosswalk + "/confirmation", trainer, Map.of());
        PortfolioCourse.post(http, "/api/courses/" + course.id() + "/migration", trainer, Map.of("crosswalk", crosswalk));
        http.toBlocking().exchange(HttpRequest.PUT("/api/courses/" + course.id() + "/plan/KPS5294-001v5:P2.3.5", Map.of("methods", List.of("PORTFOLIO")))
                .bearerAuth(trainer));
        PortfolioCourse.post(http, "/api/courses/" + course.id() + "/publish", trainer, Map.of());

        // sent four times at once: one run moves them all, the others find them there
        List<Integer> answers = tw.training.testing.Parallel.run(4, n -> ((Number) PortfolioCourse.post(http, "/api/courses/" + course.id()
                + "/learner-moves", trainer, Map.of()).get("moved")).intValue());
        assertEquals(List.of(0, 0, 0, LEARNERS), answers.stream().sorted().toList());
        assertEquals(String.valueOf(LEARNERS), rows.single("SELECT COUNT(*) FROM learner_move"));
        // P2.3.1 carried for the four learners in five who met it, P2.3.3 (now P2.3.4) for all
        assertEquals(String.valueOf(LEARNERS * 4 / 5 + LEARNERS), rows.single("SELECT COUNT(*) FROM judgement WHERE move_id IS NOT NULL"));
        String moved = Ledger.of(rows);
        progress.rebuild();
        assertEquals(moved, Ledger.of(rows), "the ledger as rebuild-progress derives it");
    }

    /**
     * Per learner: a piece claiming the four indicators, all met but P2.3.1 for every fifth learner (NOT_YET), and for
     * every third learner a second piece claiming P2.3.2, not judged yet.
     */
    private void load(long course, long revision, long assessor, List<Long> indicators) throws Exception {
        Timestamp now = Timestamp.from(Instant.parse("2026-12-01T02:00:00Z"));
        // the data source without its contextual wrapper: these batches are a bulk load of their own, not the application's
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement user = connection.prepareStatement("INSERT INTO app_user (user_id, username, display_name, email, password_hash,"
                    + " enabled, token_version, created_at) VALUES (?, ?, ?, ?, '!', TRUE, 0, ?)");
                 PreparedStatement role = connection.prepareStatement("INSERT INTO user_role (user_id, role) VALUES (?, 'LEARNER')");
                 PreparedStatement enrollment = connection.prepareStatement("INSERT INTO enrollment (enrollment_id, course_id, revision_id, learner_id,"
                         + " status, enrolled_at) VALUES (?, ?, ?, ?, 'ACTIVE', ?)");
                 PreparedStatement evidence = connection.prepareStatement("INSERT INTO evidence (evidence_id, enrollment_id, method, title, status,"
                         + " submitted_at) VALUES (?, ?, 'PORTFOLIO', ?, 'SUBMITTED', ?)");
                 PreparedStatement claim = connection.prepareStatement("INSERT INTO evidence_indicator (evidence_id, indicator_id) VALUES (?, ?)");
                 PreparedStatement judgement = connection.prepareStatement("INSERT INTO judgement (judgement_id, evidence_id, indicator_id, outcome,"
                         + " assessor_id, judged_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < LEARNERS; i++) {
                    long id = FIRST + i;
                    user.setLong(1, id);
                    user.setString(2, "cohort.learner" + i);
                    user.setString(3, "學員 " + i);
                    user.setString(4, "cohort" + i + "@example.org");
                    user.setTimestamp(5, now);
                    user.addBatch();
                    role.setLong(1, id);
                    role.addBatch();
                    enrollment.setLong(1, id);
                    enrollment.setLong(2, course);
                    enrollment.setLong(3, revision);
                    enrollment.setLong(4, id);
                    enrollment.setTimestamp(5, now);
                    enrollment.addBatch();
                    for (int piece = 0; piece < (i % 3 == 0 ? 2 : 1); piece++) {
                        long evidenceId = FIRST + 2L * i + piece;
                        evidence.setLong(1, evidenceId);
                        evidence.setLong(2, id);
                        evidence.setString(3, "演練 " + piece);
                        evidence.setTimestamp(4, now);
                        evidence.addBatch();
                        for (int k = 0; k < indicators.size(); k++) {
                            if (piece == 1 && k != 1) {
                                continue;
                            }
                            claim.setLong(1, evidenceId);
                            claim.setLong(2, indicators.get(k));
                            claim.addBatch();
                            if (piece == 0) {
                                judgement.setLong(1, FIRST + 10L * i + k);
                                judgement.setLong(2, evidenceId);
                                judgement.setLong(3, indicators.get(k));
                                judgement.setString(4, k == 0 && i % 5 == 0 ? "NOT_YET" : "MET");
                                judgement.setLong(5, assessor);
                                judgement.setTimestamp(6, now);
                                judgement.addBatch();
                            }
                        }
                    }
                }
                for (PreparedStatement batch : List.of(user, role, enrollment, evidence, claim, judgement)) {
                    batch.executeBatch();
                }
            }
            connection.commit();
        }
    }
}
