package tw.training.revision;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tw.training.account.Roles;
import tw.training.progress.ProgressService;
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;
import tw.training.transparency.AuditVerifyCommand;
import tw.training.transparency.TransparencyLog;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 35, build 4, on H2 and PostgreSQL. A course on KPS5294-001v4 (T2.3 by portfolio) migrated to v5 and published;
 * its learners: {@code all} met the four indicators, {@code some} met P2.3.1 only (P2.3.3 judged NOT_YET, P2.3.2
 * claimed and unjudged), {@code none} has nothing, {@code cert} holds a certificate, {@code gone} withdrew. The dry run
 * says what carries, reopens, is lost and is new, and writes nothing; the run carries the met EQUIVALENT indicators as
 * the system's judgements naming the originals, attaches the rest's evidence, leaves the certified and the withdrawn
 * where they are; a second run changes nothing; the ledger equals a rebuild; the transparency log replays; a move
 * reverts exactly until something is recorded after it; strangers and learners are refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearnerMoveTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    @Inject
    TransparencyLog log;

    @Inject
    ProgressService progress;

    @TempDir
    Path folder;

    private String trainer;
    private String admin;
    private String stranger;
    private String learner;
    private PortfolioCourse course;
    private RowCounts rows;
    private final Map<String, Long> enrollments = new java.util.TreeMap<>();
    private final Map<String, Long> originals = new java.util.HashMap<>();
    private String before;

    @BeforeAll
    void learnersHalfWayThroughACourseOnV4() {
        TestUsers users = TestUsers.of(context, http);
        trainer = users.tokenFor("move.trainer", Roles.TRAINER);
        admin = users.tokenFor("move.admin", Roles.ADMIN);
        stranger = users.tokenFor("move.stranger", Roles.TRAINER);
        rows = new RowCounts(dataSource, List.of());
        http.toBlocking().exchange(HttpRequest.POST("/api/standards", RevisedStandard.v5()).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(trainer));
        course = PortfolioCourse.publish(http, trainer, "MOVE-1", "客訴處理實務");
        for (String who : List.of("all", "some", "none", "cert", "gone")) {
            String token = users.tokenFor("move." + who, Roles.LEARNER);
            if (who.equals("some")) {
                learner = token;
            }
            long enrollment = course.enroll("move." + who);
            enrollments.put(who, enrollment);
            if (who.equals("all") || who.equals("cert")) {
                long evidence = course.submitPdf(token, enrollment, "完整演練", PortfolioCourse.INDICATORS);
                course.meet(evidence, PortfolioCourse.INDICATORS, "完整");
            } else if (who.equals("some")) {
                long first = course.submitPdf(token, enrollment, "第一次演練", List.of("P2.3.1", "P2.3.3"));
                course.judge(first, "P2.3.1", "MET", "符合");
                course.judge(first, "P2.3.3", "NOT_YET", "請補充");
                course.submitPdf(token, enrollment, "第二次演練", List.of("P2.3.2"));
            }
        }
        PortfolioCourse.post(http, "/api/enrollments/" + enrollments.get("cert") + "/certificate", admin, Map.of());
        PortfolioCourse.post(http, "/api/enrollments/" + enrollments.get("gone") + "/withdrawal", trainer, Map.of());
        rows.rows("SELECT u.username, s.code || ':' || i.code, j.judgement_id FROM judgement j JOIN evidence v ON v.evidence_id = j.evidence_id"
                + " JOIN enrollment e ON e.enrollment_id = v.enrollment_id JOIN app_user u ON u.user_id = e.learner_id"
                + " JOIN indicator i ON i.indicator_id = j.indicator_id JOIN standard s ON s.standard_id = i.standard_id WHERE e.course_id = "
                + course.id()).forEach(row -> {
                    String[] cells = row.split(" \\| ");
                    originals.put(cells[0] + " " + cells[1], Long.parseLong(cells[2]));
                });
        long crosswalk = PortfolioCourse.id(PortfolioCourse.post(http, "/api/crosswalks", trainer, Map.of("from", "KPS5294-001v4", "to", "KPS5294-001v5")));
        PortfolioCourse.post(http, "/api/crosswalks/" + crosswalk + "/confirmation", trainer, Map.of());
        before = state();
    }

    /** What counts for the course's learners: their enrollments, the ledger, their own claims. */
    private String state() {
        String of = " IN (SELECT enrollment_id FROM enrollment WHERE course_id = " + course.id() + ")";
        return String.join("\n", rows.rows("SELECT enrollment_id, revision_id, status, completed_at FROM enrollment WHERE enrollment_id" + of
                        + " ORDER BY enrollment_id")) + "\n" + String.join("\n", rows.rows("SELECT enrollment_id, indicator_id, method, evidence_id,"
                        + " judgement_id FROM satisfaction WHERE enrollment_id" + of + " ORDER BY 1, 2, 3")) + "\n"
                + String.join("\n", rows.rows("SELECT * FROM enrollment_progress WHERE enrollment_id" + of + " ORDER BY 1")) + "\n"
                + String.join("\n", rows.rows("SELECT v.enrollment_id, c.evidence_id, c.indicator_id FROM evidence_indicator c JOIN evidence v ON v.evidence_id = c.evidence_id"
                        + " WHERE c.move_id IS NULL AND v.enrollment_id" + of + " ORDER BY 1, 2, 3"));
    }

    private Map<String, Object> move(String token, Map<String, Object> body) {
        return PortfolioCourse.post(http, "/api/courses/" + course.id() + "/learner-moves", token, body);
    }

    private int refusal(String token, String path, Object body) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.POST(path, body).bearerAuth(token))).code();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byLearner(Map<String, Object> run) {
        return ((List<Map<String, Object>>) run.get("learners")).stream().collect(Collectors.toMap(l -> (String) l.get("learner"), l -> l));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> items(Map<String, Object> learner) {
        return (Map<String, Object>) learner.get("items");
    }

    @SuppressWarnings("unchecked")
    private static List<String> pairs(Map<String, Object> learner, String list) {
        return ((List<Map<String, Object>>) items(learner).get(list)).stream().map(i -> i.get("from") + " → " + i.get("to")).toList();
    }

    @Test
    @Order(1)
    void nothingMovesBeforeTheNewerRevisionIsPublished() {
        Map<String, Object> run = move(trainer, Map.of("dryRun", true));
        assertEquals(0, ((Number) run.get("moved")).intValue());
        byLearner(run).forEach((who, l) -> assertTrue(List.of("ALREADY_THERE").contains(l.get("state")), who + " " + l));
        PortfolioCourse.post(http, "/api/courses/" + course.id() + "/migration", trainer,
                Map.of("crosswalk", PortfolioCourse.id(PortfolioCourse.post(http, "/api/crosswalks", trainer, Map.of("from", "KPS5294-001v4", "to", "KPS5294-001v5")))));
        http.toBlocking().exchange(HttpRequest.PUT("/api/courses/" + course.id() + "/plan/KPS5294-001v5:P2.3.5", Map.of("methods", List.of("PORTFOLIO")))
                .bearerAuth(trainer));
        PortfolioCourse.post(http, "/api/courses/" + course.id() + "/publish", trainer, Map.of());
    }

    @Test
    @Order(2)
    void refusedToStrangersLearnersAndForEnrollmentsOfAnotherCourse() {
        String path = "/api/courses/" + course.id() + "/learner-moves";
        assertEquals(404, refusal(stranger, path, Map.of("dryRun", true)));
        assertEquals(403, refusal(learner, path, Map.of("dryRun", true)));
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST(path, Map.of("enrollments", List.of(enrollments.get("all"), 999_999))).bearerAuth(trainer)));
        assertEquals(422, refused.code());
        assertTrue(refused.getResponse().getBody(String.class).orElseThrow().contains("enrollments[1]"));
        // malformed bodies: a clear 4xx, never a 500
        List<String> answered = new ArrayList<>();
        for (String body : List.of("{\"enrollments\":[null]}", "{\"enrollments\":\"all\"}", "{\"dryRun\":\"perhaps\"}", "[]", "")) {
            int status;
            try {
                status = http.toBlocking().exchange(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(trainer)).code();
            } catch (HttpClientResponseException refusedBody) {
                status = refusedBody.code();
            }
            answered.add(body + " → " + status);
        }
        assertTrue(answered.stream().allMatch(a -> a.endsWith("400") || a.endsWith("422")), answered.toString());
        assertEquals(before, state(), "nothing moved");
    }

    @Test
    @Order(3)
    void theDryRunSaysWhatCarriesReopensIsLostAndIsNewAndWritesNothing() {
        Map<String, Long> counts = Map.of("learner_move", count("learner_move"), "judgement", count("judgement"), "evidence_indicator",
                count("evidence_indicator"));
        Map<String, Object> run = move(trainer, Map.of("dryRun", true));
        assertEquals(Boolean.TRUE, run.get("dryRun"));
        assertEquals(2, ((Number) run.get("toRevision")).intValue());
        Map<String, Map<String, Object>> learners = byLearner(run);
        Map<String, Object> all = learners.get("move.all");
        assertEquals("MOVABLE", all.get("state"));
        assertEquals(List.of("KPS5294-001v4 → KPS5294-001v5"), all.get("via"));
        assertEquals(List.of("KPS5294-001v4:P2.3.1 → KPS5294-001v5:P2.3.1", "KPS5294-001v4:P2.3.3 → KPS5294-001v5:P2.3.4"), pairs(all, "carried"));
        assertEquals(List.of("KPS5294-001v4:P2.3.2 → KPS5294-001v5:P2.3.2", "KPS5294-001v4:P2.3.2 → KPS5294-001v5:P2.3.3"), pairs(all, "reopened"));
        assertEquals(List.of(Map.of("from", "KPS5294-001v4:P2.3.4", "met", true, "evidence", 1)), items(all).get("lost"));
        assertEquals(List.of("KPS5294-001v5:P2.3.5"), items(all).get("newIndicators"));
        @SuppressWarnings("unchecked")
        Map<String, Object> source = ((List<Map<String, Object>>) ((List<Map<String, Object>>) items(all).get("carried")).get(0).get("judgements")).get(0);
        assertEquals(originals.get("move.all KPS5294-001v4:P2.3.1"), ((Number) source.get("judgement")).longValue(), "provenance: the original");
        assertEquals("PORTFOLIO", source.get("method"));

        Map<String, Object> some = learners.get("move.some");
        assertEquals(List.of("KPS5294-001v4:P2.3.1 → KPS5294-001v5:P2.3.1"), pairs(some, "carried"));
        assertEquals(List.of("KPS5294-001v4:P2.3.2 → KPS5294-001v5:P2.3.2", "KPS5294-001v4:P2.3.2 → KPS5294-001v5:P2.3.3",
                "KPS5294-001v4:P2.3.3 → KPS5294-001v5:P2.3.4"), pairs(some, "reopened"), "the split PARTIAL, the NOT_YET equivalent open again");
        assertEquals(List.of(), items(some).get("lost"));
        assertEquals("MOVABLE", learners.get("move.none").get("state"));
        assertEquals(List.of(), pairs(learners.get("move.none"), "carried"));
        assertEquals("CERTIFIED", learners.get("move.cert").get("state"));
        assertEquals("WITHDRAWN", learners.get("move.gone").get("state"));
        assertEquals(counts, Map.of("learner_move", count("learner_move"), "judgement", count("judgement"), "evidence_indicator",
                count("evidence_indicator")), "a dry run writes nothing");
        assertEquals(before, state());
    }

    private long count(String table) {
        return Long.parseLong(rows.single("SELECT COUNT(*) FROM " + table));
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void theRunCarriesWithProvenanceIdempotentlyAndTheLedgerEqualsARebuild() throws IOException {
        Map<String, Object> run = move(trainer, Map.of());
        assertEquals(3, ((Number) run.get("moved")).intValue());
        Map<String, Map<String, Object>> learners = byLearner(run);
        assertEquals("MOVED", learners.get("move.all").get("state"));
        assertEquals("CERTIFIED", learners.get("move.cert").get("state"));

        // carried: the system's MET on the same evidence for the newer indicator, naming the original
        List<String> carried = rows.rows("SELECT u.username, s.code || ':' || i.code, j.outcome, a.username, j.carried_from FROM judgement j"
                + " JOIN evidence v ON v.evidence_id = j.evidence_id JOIN enrollment e ON e.enrollment_id = v.enrollment_id"
                + " JOIN app_user u ON u.user_id = e.learner_id JOIN app_user a ON a.user_id = j.assessor_id"
                + " JOIN indicator i ON i.indicator_id = j.indicator_id JOIN standard s ON s.standard_id = i.standard_id"
                + " WHERE j.move_id IS NOT NULL ORDER BY 1, 2");
        assertEquals(List.of(
                "move.all | KPS5294-001v5:P2.3.1 | MET | (system) | " + originals.get("move.all KPS5294-001v4:P2.3.1"),
                "move.all | KPS5294-001v5:P2.3.4 | MET | (system) | " + originals.get("move.all KPS5294-001v4:P2.3.3"),
                "move.some | KPS5294-001v5:P2.3.1 | MET | (system) | " + originals.get("move.some KPS5294-001v4:P2.3.1")), carried);

        Map<String, Object> allProgress = http.toBlocking().retrieve(HttpRequest.GET("/api/enrollments/" + enrollments.get("move.all".substring(5))
                + "/progress").bearerAuth(trainer), Argument.mapOf(String.class, Object.class));
        assertEquals(List.of("KPS5294-001v5:P2.3.1", "KPS5294-001v5:P2.3.4"), ((List<Map<String, Object>>) allProgress.get("indicators")).stream()
                .filter(i -> Boolean.TRUE.equals(i.get("met"))).map(i -> i.get("id")).toList());
        Map<String, Object> someProgress = http.toBlocking().retrieve(HttpRequest.GET("/api/enrollments/" + enrollments.get("some") + "/progress")
                .bearerAuth(learner), Argument.mapOf(String.class, Object.class));
        assertEquals(List.of("KPS5294-001v5:P2.3.1"), ((List<Map<String, Object>>) someProgress.get("indicators")).stream()
                .filter(i -> Boolean.TRUE.equals(i.get("met"))).map(i -> i.get("id")).toList());
        Map<String, Object> carriedP231 = ((List<Map<String, Object>>) someProgress.get("indicators")).stream()
                .filter(i -> "KPS5294-001v5:P2.3.1".equals(i.get("id"))).findFirst().orElseThrow();
        Map<String, Object> provenance = (Map<String, Object>) ((List<Map<String, Object>>) carriedP231.get("satisfiedBy")).get(0).get("carried");
        assertEquals(originals.get("move.some KPS5294-001v4:P2.3.1"), ((Number) provenance.get("judgementId")).longValue());
        assertEquals("KPS5294-001v4:P2.3.1", provenance.get("indicator"));
        assertEquals("move.trainer", provenance.get("assessor"));

        // the learner reads, in either language, what carried (from which judgement) and what was attached from where
        String base = context.getBean(io.micronaut.runtime.server.EmbeddedServer.class).getURL().toString();
        String zh = new tw.training.testing.FormClient(base, "zh-TW").signIn("move.some", TestUsers.PASSWORD).get("/enrollments/"
                + enrollments.get("some")).body();
        assertTrue(zh.contains("對 KPS5294-001v4:P2.3.1 的評定（編號 " + originals.get("move.some KPS5294-001v4:P2.3.1") + "）達成，於轉入本課程新版時沿用")
                && zh.contains("於轉入本課程新版時由 KPS5294-001v4:P2.3.2 轉附至此") && zh.contains("由 KPS5294-001v4:P2.3.3 轉附至此"), zh);
        String en = new tw.training.testing.FormClient(base, "en").signIn("move.some", TestUsers.PASSWORD).get("/enrollments/"
                + enrollments.get("some")).body();
        assertTrue(en.contains("met through judgement #" + originals.get("move.some KPS5294-001v4:P2.3.1") + " on KPS5294-001v4:P2.3.1 by move.trainer")
                && en.contains("was attached here from KPS5294-001v4:P2.3.2 when you moved"), en);

        // the split's and the reopened evidence wait for an assessor on the newer indicators
        assertEquals(List.of("KPS5294-001v5:P2.3.2", "KPS5294-001v5:P2.3.3", "KPS5294-001v5:P2.3.4"), rows.rows("SELECT DISTINCT s.code || ':' || i.code"
                + " FROM evidence_indicator c JOIN evidence v ON v.evidence_id = c.evidence_id JOIN indicator i ON i.indicator_id = c.indicator_id"
                + " JOIN standard s ON s.standard_id = i.standard_id WHERE c.move_id IS NOT NULL AND v.enrollment_id = " + enrollments.get("some")
                + " AND NOT EXISTS (SELECT 1 FROM judgement j WHERE j.evidence_id = c.evidence_id AND j.indicator_id = c.indicator_id) ORDER BY 1"));

        String moved = state();
        String snapshot = Ledger.of(rows);
        Map<String, Object> again = move(trainer, Map.of());
        assertEquals(0, ((Number) again.get("moved")).intValue());
        assertEquals("ALREADY_THERE", byLearner(again).get("move.all").get("state"));
        assertEquals(moved, state(), "a second run changes nothing");
        progress.rebuild();
        assertEquals(snapshot, Ledger.of(rows), "the ledger as a rebuild derives it");

        // the moves and their judgements are leaves of the log, and the evidence's leaves are the learners' claims still
        log.integrateAll();
        assertEquals("3", rows.single("SELECT COUNT(*) FROM transparency_leaf WHERE kind = 'LEARNER_MOVE'"));
        assertEquals(0, replay("moved"));
    }

    private int replay(String name) throws IOException {
        log.checkpoint();
        Path checkpoint = Files.writeString(folder.resolve(name + ".note"), http.toBlocking().retrieve(HttpRequest.GET("/transparency/checkpoint")),
                StandardCharsets.UTF_8);
        Path export = Files.writeString(folder.resolve(name + ".ndjson"), http.toBlocking().retrieve(HttpRequest.GET("/api/transparency/export")
                .bearerAuth(admin)), StandardCharsets.UTF_8);
        String key = http.toBlocking().retrieve(HttpRequest.GET("/transparency/key")).strip();
        return new CommandLine(new AuditVerifyCommand()).execute("replay", export.toString(), "--checkpoint", checkpoint.toString(), "--key", key);
    }

    @SuppressWarnings("unchecked")
    private long moveOf(String who) {
        List<Map<String, Object>> history = http.toBlocking().retrieve(HttpRequest.GET("/api/courses/" + course.id() + "/learner-moves").bearerAuth(trainer),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        return history.stream().filter(m -> ("move." + who).equals(m.get("learner"))).map(m -> ((Number) m.get("id")).longValue()).findFirst().orElseThrow();
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void aMoveRevertsExactlyUntilSomethingIsRecordedAfterIt() throws IOException {
        long some = moveOf("some");
        long all = moveOf("all");
        assertEquals(404, refusal(stranger, "/api/learner-moves/" + some + "/reversal", Map.of()));
        assertEquals(403, refusal(learner, "/api/learner-moves/" + some + "/reversal", Map.of()));

        // something recorded after the move: the move stays
        PortfolioCourse.id(http.toBlocking().retrieve(HttpRequest.POST("/api/enrollments/" + enrollments.get("all") + "/evidence",
                        io.micronaut.http.client.multipart.MultipartBody.builder()
                                .addPart("metadata", "{\"method\":\"PORTFOLIO\",\"title\":\"新版作品\",\"indicators\":[\"KPS5294-001v5:P2.3.5\"]}")
                                .addPart("file", "new.pdf", new MediaType("application/pdf"), PortfolioCourse.PDF).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestUsers.of(context, http).login("move.all", TestUsers.PASSWORD)),
                Argument.mapOf(String.class, Object.class)));
        assertEquals(409, refusal(trainer, "/api/learner-moves/" + all + "/reversal", Map.of()));

        Map<String, Object> reverted = PortfolioCourse.post(http, "/api/learner-moves/" + some + "/reversal", trainer, Map.of());
        assertEquals("move.trainer", reverted.get("revertedBy"));
        String someState = stateOf(enrollments.get("some"));
        assertEquals(stateOf(before, enrollments.get("some")), someState, "back exactly where the learner was");
        assertEquals(reverted.get("revertedAt"), PortfolioCourse.post(http, "/api/learner-moves/" + some + "/reversal", trainer, Map.of())
                .get("revertedAt"), "reverting again changes nothing");
        // the carried judgement stays, counting for nothing; the claims no judgement rests on are gone
        assertEquals("1", rows.single("SELECT COUNT(*) FROM judgement WHERE move_id = " + some));
        assertEquals("1", rows.single("SELECT COUNT(*) FROM evidence_indicator WHERE move_id = " + some));
        String progressOfSome = Ledger.of(rows);
        progress.rebuild();
        assertEquals(progressOfSome, Ledger.of(rows), "the ledger after the reversal as a rebuild derives it");
        log.integrateAll();
        assertEquals("1", rows.single("SELECT COUNT(*) FROM transparency_leaf WHERE kind = 'MOVE_REVERTED'"));
        assertEquals(0, replay("reverted"));

        // moved again: the same carrying, the reverted move's judgement not counted twice
        Map<String, Object> again = move(trainer, Map.of("enrollments", List.of(enrollments.get("some"))));
        assertEquals(1, ((Number) again.get("moved")).intValue());
        assertEquals(List.of("KPS5294-001v4:P2.3.1 → KPS5294-001v5:P2.3.1"), pairs(byLearner(again).get("move.some"), "carried"));
        long second = ((Number) byLearner(again).get("move.some").get("move")).longValue();
        assertEquals(List.of(String.valueOf(second)), rows.rows("SELECT DISTINCT c.move_id FROM evidence_indicator c JOIN evidence v"
                + " ON v.evidence_id = c.evidence_id WHERE c.move_id IS NOT NULL AND v.enrollment_id = " + enrollments.get("some")),
                "the claim the reverted move left (its judgement rests on it) is the new move's now: " + rows.rows("SELECT c.*, (SELECT COUNT(*)"
                        + " FROM judgement j WHERE j.evidence_id = c.evidence_id AND j.indicator_id = c.indicator_id) FROM evidence_indicator c JOIN evidence v"
                        + " ON v.evidence_id = c.evidence_id WHERE v.enrollment_id = " + enrollments.get("some")));
        Map<String, Object> progressOfSomeAgain = http.toBlocking().retrieve(HttpRequest.GET("/api/enrollments/" + enrollments.get("some")
                + "/progress").bearerAuth(learner), Argument.mapOf(String.class, Object.class));
        assertEquals(1, ((Number) ((Map<String, Object>) progressOfSomeAgain.get("summary")).get("indicatorsMet")).intValue());
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void certificatesNameTheVersionTheyCertify() {
        String number = rows.single("SELECT number FROM certificate WHERE enrollment_id = " + enrollments.get("cert"));
        Map<String, Object> kept = http.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + number).bearerAuth(admin),
                Argument.mapOf(String.class, Object.class));
        assertEquals(List.of("KPS5294-001v4"), ((List<Map<String, Object>>) kept.get("documents")).stream().map(d -> d.get("code")).toList(),
                "issued before the move, it keeps its version");

        // a learner moved with nothing to carry meets every indicator of v5 and is certified on v5
        long none = enrollments.get("none");
        List<String> v5 = List.of("P2.3.1", "P2.3.2", "P2.3.3", "P2.3.4", "P2.3.5");
        String claims = String.join(",", v5.stream().map(code -> "\"KPS5294-001v5:" + code + "\"").toList());
        long piece = PortfolioCourse.id(http.toBlocking().retrieve(HttpRequest.POST("/api/enrollments/" + none + "/evidence",
                        io.micronaut.http.client.multipart.MultipartBody.builder()
                                .addPart("metadata", "{\"method\":\"PORTFOLIO\",\"title\":\"新版完整演練\",\"indicators\":[" + claims + "]}")
                                .addPart("file", "all.pdf", new MediaType("application/pdf"), PortfolioCourse.PDF).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(TestUsers.of(context, http).login("move.none", TestUsers.PASSWORD)),
                Argument.mapOf(String.class, Object.class)));
        http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course.id() + "/judgements", v5.stream().map(code -> Map.<String, Object>of(
                "evidenceId", piece, "indicator", "KPS5294-001v5:" + code, "outcome", "MET", "comment", "完整")).toList()).bearerAuth(trainer));
        Map<String, Object> issued = PortfolioCourse.post(http, "/api/enrollments/" + none + "/certificate", admin, Map.of());
        assertEquals(List.of("KPS5294-001v5"), ((List<Map<String, Object>>) issued.get("documents")).stream().map(d -> d.get("code")).toList(),
                "issued after the move, it names the version it certifies");
    }

    private String stateOf(long enrollment) {
        return stateOf(state(), enrollment);
    }

    /** The lines of a state about one enrollment (those starting with its id) and its claims. */
    private String stateOf(String state, long enrollment) {
        return state.lines().filter(l -> l.startsWith(enrollment + " |")).collect(Collectors.joining("\n"));
    }
}
