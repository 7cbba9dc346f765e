package tw.training.progress;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SPEC §5's rule on its own: the ledger's statements over evidence and judgements written straight into the
 * tables, including what the API would refuse to write (evidence of a method the plan does not ask for, claims
 * outside the plan, judged evidence withdrawn, judgements recorded out of time order). The plan: KPS5294-001v4
 * T2.3, P2.3.1 requiring OBSERVATION and PORTFOLIO, P2.3.2–P2.3.4 OBSERVATION only.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressRuleTest implements DatabaseTest {

    private static final AtomicInteger COURSES = new AtomicInteger();
    /** Rows written here take ids far above what the application hands out, so the two never meet. */
    private static final AtomicLong IDS = new AtomicLong(900_000);
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    @Inject
    ProgressLedger ledger;

    @Inject
    ProgressQueries queries;

    @Inject
    TransactionOperations<Connection> transactions;

    private RowCounts database;
    private long course;
    private long enrollment;
    private long assessor;

    @BeforeEach
    void enrollInAFreshCourse() {
        database = new RowCounts(dataSource, List.of());
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("rule.trainer", Roles.TRAINER);
        int n = COURSES.incrementAndGet();
        users.create("rule.learner" + n, Roles.LEARNER);
        course = id(send(HttpRequest.POST("/api/courses", Map.of("code", "RULE-" + n, "title", "規則", "hours", 6)), trainer));
        send(HttpRequest.POST("/api/courses/" + course + "/alignments",
                Map.of("standardCode", "KPS5294-001v4", "taskCode", "T2.3", "methods", List.of("OBSERVATION"))), trainer);
        send(HttpRequest.PUT("/api/courses/" + course + "/plan/KPS5294-001v4:P2.3.1", Map.of("methods", List.of("OBSERVATION", "PORTFOLIO"))), trainer);
        send(HttpRequest.POST("/api/courses/" + course + "/publish", Map.of()), trainer);
        enrollment = id(send(HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", "rule.learner" + n)), trainer));
        assessor = Long.parseLong(database.single("SELECT user_id FROM app_user WHERE username = 'rule.trainer'"));
    }

    @Test
    void theLatestJudgementWinsByTimeNotByTheOrderItWasWritten() throws Exception {
        long evidence = evidence("OBSERVATION", "SUBMITTED", "P2.3.2");
        judge(evidence, "P2.3.2", "MET", 2);
        judge(evidence, "P2.3.2", "NOT_YET", 1);

        assertEquals(Set.of("P2.3.2"), met());
    }

    @Test
    void metThenNotYetUnMeetsAndMetAgainMeets() throws Exception {
        long evidence = evidence("OBSERVATION", "SUBMITTED", "P2.3.2");
        judge(evidence, "P2.3.2", "MET", 1);
        assertEquals(Set.of("P2.3.2"), met());

        judge(evidence, "P2.3.2", "NOT_YET", 2);
        assertEquals(Set.of(), met());

        judge(evidence, "P2.3.2", "MET", 3);
        assertEquals(Set.of("P2.3.2"), met());
    }

    @Test
    void aNotYetOnOnePieceOfEvidenceLeavesAnotherPiecesMetStanding() throws Exception {
        long first = evidence("OBSERVATION", "SUBMITTED", "P2.3.2");
        long second = evidence("OBSERVATION", "SUBMITTED", "P2.3.2");
        judge(first, "P2.3.2", "MET", 1);
        judge(second, "P2.3.2", "NOT_YET", 2);

        assertEquals(Set.of("P2.3.2"), met());
    }

    @Test
    void evidenceOfAnotherMethodDoesNotCount() throws Exception {
        long portfolio = evidence("PORTFOLIO", "SUBMITTED", "P2.3.2");
        judge(portfolio, "P2.3.2", "MET", 1);

        assertEquals(Set.of(), met());
        assertEquals("0", database.single("SELECT COUNT(*) FROM satisfaction WHERE enrollment_id = " + enrollment));
    }

    @Test
    void anIndicatorNeedingTwoMethodsIsMetOnlyWithBoth() throws Exception {
        long observation = evidence("OBSERVATION", "SUBMITTED", "P2.3.1");
        judge(observation, "P2.3.1", "MET", 1);
        assertEquals(Set.of(), met());

        long portfolio = evidence("PORTFOLIO", "SUBMITTED", "P2.3.1");
        judge(portfolio, "P2.3.1", "MET", 2);
        assertEquals(Set.of("P2.3.1"), met());
    }

    @Test
    void indicatorsOutsideThePlanAreIgnored() throws Exception {
        long evidence = evidence("OBSERVATION", "SUBMITTED", "P2.4.1", "P2.3.3");
        judge(evidence, "P2.4.1", "MET", 1);
        judge(evidence, "P2.3.3", "MET", 1);

        assertEquals(Set.of("P2.3.3"), met());
        assertEquals("1", database.single("SELECT indicators_met FROM enrollment_progress WHERE enrollment_id = " + enrollment));
    }

    @Test
    void withdrawnEvidenceDoesNotCount() throws Exception {
        long withdrawn = evidence("OBSERVATION", "WITHDRAWN", "P2.3.4");
        judge(withdrawn, "P2.3.4", "MET", 1);

        assertEquals(Set.of(), met());
    }

    @Test
    void theEarliestMetJudgementIsTheOneNamed() throws Exception {
        long later = evidence("OBSERVATION", "SUBMITTED", "P2.3.3");
        long earlier = evidence("OBSERVATION", "SUBMITTED", "P2.3.3");
        judge(later, "P2.3.3", "MET", 5);
        long named = judge(earlier, "P2.3.3", "MET", 3);

        met();
        List<Satisfaction> reasons = transactions.executeRead(status -> queries.satisfactions(enrollment, null)).get(Long.valueOf(indicator("P2.3.3")));
        assertEquals(1, reasons.size());
        assertEquals(earlier, reasons.get(0).evidenceId());
        assertEquals(named, reasons.get(0).judgementId());
    }

    /**
     * The judging path changes the ledger by what a new judgement can change, not by deriving it again
     * ({@link ProgressLedger#apply}): after each of 500 random steps, judging one claim or a batch (the same claim twice,
     * two METs of one indicator, a clock gone back) on five pieces of evidence of both methods, the ledger equals what
     * deriving it whole from the judgements gives, and the enrollments it says it completed are those that went from
     * ACTIVE to COMPLETED.
     */
    @Test
    void theJudgingPathsChangeEqualsTheWholeDerivation() throws Exception {
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        String[] indicators = {"P2.3.1", "P2.3.2", "P2.3.3", "P2.3.4"};
        List<Long> pieces = new ArrayList<>();
        for (String method : List.of("OBSERVATION", "OBSERVATION", "OBSERVATION", "PORTFOLIO", "PORTFOLIO")) {
            pieces.add(evidence(method, "SUBMITTED", indicators));
        }
        Map<String, Long> indicatorIds = new java.util.HashMap<>();
        for (String indicator : indicators) {
            indicatorIds.put(indicator, Long.parseLong(indicator(indicator)));
        }
        int minutes = 0;
        for (int step = 0; step < 500; step++) {
            // mostly later than every judgement so far; now and then a clock gone back
            minutes = random.nextInt(10) == 0 ? Math.max(0, minutes - 1 - random.nextInt(5)) : minutes + 1;
            int batch = random.nextInt(3) == 0 ? 2 + random.nextInt(4) : 1;
            List<tw.training.evidence.JudgementsRecorded.Recorded> recorded = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                long piece = pieces.get(random.nextInt(pieces.size()));
                String indicator = indicators[random.nextInt(indicators.length)];
                String outcome = random.nextInt(3) == 0 ? "NOT_YET" : "MET";
                long id = judge(piece, indicator, outcome, minutes);
                recorded.add(new tw.training.evidence.JudgementsRecorded.Recorded(id, enrollment, piece, indicatorIds.get(indicator),
                        tw.training.evidence.Outcome.valueOf(outcome), assessor, T0.plusSeconds(60L * minutes), null, null, null, null, null, null));
            }
            String before = database.single("SELECT status FROM enrollment WHERE enrollment_id = " + enrollment);
            List<Long> completed = transactions.executeWrite(status -> ledger.apply(recorded, Instant.now()));
            List<String> applied = ledgerRows();
            String after = database.single("SELECT status FROM enrollment WHERE enrollment_id = " + enrollment);
            transactions.executeWrite(status -> ledger.rederive(List.of(enrollment), Instant.now()));
            assertEquals(ledgerRows(), applied, "step " + step + " of seed " + seed + ": " + recorded);
            assertEquals("ACTIVE".equals(before) && "COMPLETED".equals(after) ? List.of(enrollment) : List.of(), completed,
                    "step " + step + " of seed " + seed);
        }
    }

    /**
     * A database judged before the ledger existed (V004: no satisfaction, no enrollment_progress, nothing ever
     * COMPLETED) gets from the migrations' own statements exactly what the ledger derives, and the enrollments
     * whose plan was met become COMPLETED as of the judgement that completed them.
     */
    @Test
    void theMigrationsDeriveForEnrollmentsJudgedBeforeTheLedgerWhatTheLedgerDerives() throws Exception {
        long observation = evidence("OBSERVATION", "SUBMITTED", "P2.3.1", "P2.3.2", "P2.3.3", "P2.3.4");
        long portfolio = evidence("PORTFOLIO", "SUBMITTED", "P2.3.1");
        for (String indicator : List.of("P2.3.1", "P2.3.2", "P2.3.3", "P2.3.4")) {
            judge(observation, indicator, "MET", 1);
        }
        judge(portfolio, "P2.3.1", "MET", 5);
        judge(evidence("OBSERVATION", "WITHDRAWN", "P2.3.2"), "P2.3.2", "MET", 7);
        transactions.executeWrite(status -> ledger.rebuild(Instant.now()));
        List<String> derived = ledgerRows();
        assertEquals("COMPLETED", database.single("SELECT status FROM enrollment WHERE enrollment_id = " + enrollment));

        database.execute("DELETE FROM satisfaction");
        database.execute("DELETE FROM enrollment_progress");
        database.execute("UPDATE enrollment SET status = 'ACTIVE', completed_at = NULL WHERE status = 'COMPLETED'");
        for (String migration : List.of("V005__derive_progress.sql", "V007__complete_enrollments_met_before_the_ledger.sql")) {
            for (String statement : dataStatements(Path.of("migrations", migration))) {
                database.execute(statement);
            }
        }

        assertEquals(derived, ledgerRows());
        assertEquals("1", database.single("SELECT COUNT(*) FROM enrollment WHERE enrollment_id = " + enrollment
                + " AND completed_at = TIMESTAMP WITH TIME ZONE '2026-11-24 09:05:00+00'"));
    }

    /** Both ledger tables and every enrollment's status, in a stable order. */
    private List<String> ledgerRows() {
        List<String> rows = new ArrayList<>(database.rows("SELECT enrollment_id, indicator_id, method, evidence_id, judgement_id, assessor_id,"
                + " judged_at FROM satisfaction ORDER BY enrollment_id, indicator_id, method"));
        rows.addAll(database.rows("SELECT enrollment_id, indicators_met, met_indicators FROM enrollment_progress ORDER BY enrollment_id"));
        rows.addAll(database.rows("SELECT enrollment_id, status FROM enrollment ORDER BY enrollment_id"));
        return rows;
    }

    /** The INSERT and UPDATE statements of a migration file, without its comments and its CREATE TABLEs. */
    private static List<String> dataStatements(Path migration) throws Exception {
        String sql = Files.readAllLines(migration).stream().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
        return Arrays.stream(sql.split(";")).map(String::strip).filter(statement -> statement.startsWith("INSERT") || statement.startsWith("UPDATE"))
                .toList();
    }

    /** Derives the enrollment's progress as a judging transaction would, then answers the codes of its met indicators. */
    private Set<String> met() {
        transactions.executeWrite(status -> {
            ledger.rederive(List.of(enrollment), Instant.now());
            return null;
        });
        List<ProgressQueries.Member> cohort = new ArrayList<>();
        transactions.executeRead(status -> {
            queries.cohort(course, cohort::add);
            return null;
        });
        ProgressQueries.Member member = cohort.get(0);
        return Arrays.stream(member.met()).mapToObj(id -> database.single("SELECT code FROM indicator WHERE indicator_id = " + id))
                .collect(Collectors.toSet());
    }

    private long evidence(String method, String status, String... indicators) throws Exception {
        long id = IDS.incrementAndGet();
        database.execute("INSERT INTO evidence (evidence_id, enrollment_id, method, title, status, submitted_at) VALUES (" + id + ", "
                + enrollment + ", '" + method + "', '證據', '" + status + "', TIMESTAMP WITH TIME ZONE '2026-11-24 08:00:00+00')");
        for (String indicator : indicators) {
            database.execute("INSERT INTO evidence_indicator (evidence_id, indicator_id) VALUES (" + id + ", " + indicator(indicator) + ")");
        }
        return id;
    }

    /** A judgement {@code minutes} after T0. */
    private long judge(long evidence, String indicator, String outcome, int minutes) throws Exception {
        long id = IDS.incrementAndGet();
        database.execute("INSERT INTO judgement (judgement_id, evidence_id, indicator_id, outcome, assessor_id, judged_at) VALUES (" + id
                + ", " + evidence + ", " + indicator(indicator) + ", '" + outcome + "', " + assessor + ", TIMESTAMP WITH TIME ZONE '"
                + T0.plusSeconds(60L * minutes).toString().replace('T', ' ').replace("Z", "+00") + "')");
        return id;
    }

    private String indicator(String code) {
        return database.single("SELECT i.indicator_id FROM indicator i JOIN standard s ON s.standard_id = i.standard_id"
                + " WHERE s.code = 'KPS5294-001v4' AND i.code = '" + code + "'");
    }

    private Map<String, Object> send(MutableHttpRequest<?> request, String token) {
        return http.toBlocking().retrieve(request.bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }
}
