package tw.training.evidence;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.course.CourseFixtures;
import tw.training.testing.DatabaseTest;
import tw.training.testing.RowCounts;
import tw.training.testing.TestFolders;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.training.evidence.EvidenceApi.errors;
import static tw.training.evidence.EvidenceApi.metadata;

/** Every refusal of SPEC §4 and the issue, and that a refused or broken upload leaves nothing behind. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceRulesTest implements DatabaseTest {

    private static final List<String> TABLES = List.of("evidence", "evidence_indicator", "evidence_file", "judgement");
    private static final String P231 = "KPS5294-001v4:P2.3.1";
    private static final String P232 = "KPS5294-001v4:P2.3.2";
    private static final EvidenceApi.Upload PDF = new EvidenceApi.Upload("紀錄.pdf", MediaType.APPLICATION_PDF_TYPE, EvidenceRoundTrip.PDF);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    private final Map<String, String> folders = new HashMap<>();
    private EvidenceApi trainer;
    private EvidenceApi learner;
    private EvidenceApi otherLearner;
    private EvidenceApi otherTrainer;
    private long course;
    private long enrollment;
    private long otherEnrollment;
    private RowCounts rows;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        folders.putAll(TestFolders.localEvidence());
        properties.putAll(folders);
        properties.put("app.evidence.max-file-size", "4KB");
        properties.put("app.evidence.max-files", "2");
        return properties;
    }

    @BeforeAll
    void enrollALearner() {
        TestUsers users = TestUsers.of(context, http);
        String trainerToken = users.tokenFor("rule.trainer", Roles.TRAINER);
        trainer = new EvidenceApi(http, trainerToken);
        course = CourseFixtures.publishedComplaintsCourse(http, trainerToken, "EV-RULES", "規則");
        learner = new EvidenceApi(http, users.tokenFor("rule.learner", Roles.LEARNER));
        otherLearner = new EvidenceApi(http, users.tokenFor("other.learner", Roles.LEARNER));
        String otherTrainerToken = users.tokenFor("other.trainer", Roles.TRAINER);
        otherTrainer = new EvidenceApi(http, otherTrainerToken);
        CourseFixtures.publishedComplaintsCourse(http, otherTrainerToken, "EV-OTHER", "別的課");
        enrollment = id(trainer.send(HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", "rule.learner"))));
        otherEnrollment = id(trainer.send(HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", "other.learner"))));
        rows = new RowCounts(dataSource, TABLES);
    }

    @Test
    void someoneElsesEvidenceAnswersNotFound() {
        Map<String, Object> evidence = learner.submit(enrollment, metadata("OBSERVATION", "觀察", List.of(P231)), PDF);
        String file = "/api/evidence/" + id(evidence) + "/files/" + fileId(evidence);

        for (EvidenceApi stranger : List.of(otherLearner, otherTrainer)) {
            assertEquals(HttpStatus.NOT_FOUND, stranger.refusal(HttpRequest.GET("/api/evidence/" + id(evidence))).getStatus());
            assertEquals(HttpStatus.NOT_FOUND, stranger.refusal(HttpRequest.GET(file)).getStatus());
        }
        assertEquals(HttpStatus.NOT_FOUND, otherTrainer.refusal(HttpRequest.POST("/api/evidence/" + id(evidence) + "/judgements",
                Map.of("indicator", P231, "outcome", "MET"))).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, otherLearner.refusal(otherLearner.submission(enrollment,
                metadata("OBSERVATION", "冒名", List.of(P231)), PDF)).getStatus());
    }

    @Test
    void refusesIndicatorsOutsideThePlanOrNotAssessedByTheMethodAndUnknownMethods() {
        Map<String, Long> before = rows.now();

        HttpClientResponseException outside = learner.refusal(learner.submission(enrollment,
                metadata("OBSERVATION", "計畫外", List.of("KPS5294-001v4:P1.1.1")), PDF));
        HttpClientResponseException wrongMethod = learner.refusal(learner.submission(enrollment,
                metadata("OBSERVATION", "方法不符", List.of(P232)), PDF));
        HttpClientResponseException unknownMethod = learner.refusal(learner.submission(enrollment,
                metadata("TAROT", "未知方法", List.of(P231)), PDF));

        assertEquals(List.of("metadata.indicators[0]: KPS5294-001v4:P1.1.1 is not in the plan of this enrollment's course"), errors(outside));
        assertTrue(errors(wrongMethod).get(0).startsWith("metadata.indicators[0]: KPS5294-001v4:P2.3.2 is not assessed by OBSERVATION"),
                errors(wrongMethod).toString());
        assertTrue(errors(unknownMethod).get(0).startsWith("metadata.method: method must be one of"), errors(unknownMethod).toString());
        for (HttpClientResponseException refused : List.of(outside, wrongMethod, unknownMethod)) {
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        }
        assertEquals(before, rows.now());
        assertNothingLeftOnDisk();
    }

    @Test
    void refusesAFileOverTheLimitAndTooManyFiles() {
        Map<String, Long> before = rows.now();
        byte[] big = new byte[5 * 1024];
        System.arraycopy(EvidenceRoundTrip.PDF, 0, big, 0, EvidenceRoundTrip.PDF.length);

        HttpClientResponseException oversize = learner.refusal(learner.submission(enrollment,
                metadata("OBSERVATION", "太大", List.of(P231)), new EvidenceApi.Upload("big.pdf", MediaType.APPLICATION_PDF_TYPE, big)));
        HttpClientResponseException tooMany = learner.refusal(learner.submission(enrollment,
                metadata("OBSERVATION", "太多", List.of(P231)), PDF, PDF, PDF));

        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, oversize.getStatus());
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, tooMany.getStatus());
        assertEquals("application/problem+json", oversize.getResponse().getContentType().orElseThrow().toString());
        assertEquals("'big.pdf' is larger than the limit of 4 KB per file", oversize.getResponse().getBody(Map.class).orElseThrow().get("detail"),
                "names the file and the limit as people state it");
        assertEquals(before, rows.now());
        assertNothingLeftOnDisk();
    }

    @Test
    void refusesATypeOutsideTheAllowListWhateverItsName() {
        byte[] executable = "MZ\u0090\u0000\u0003\u0000\u0000\u0000 this is no PDF".getBytes(StandardCharsets.ISO_8859_1);

        HttpClientResponseException refused = learner.refusal(learner.submission(enrollment,
                metadata("OBSERVATION", "偽裝", List.of(P231)), new EvidenceApi.Upload("報告.pdf", MediaType.APPLICATION_PDF_TYPE, executable)));

        assertEquals(HttpStatus.UNSUPPORTED_MEDIA_TYPE, refused.getStatus());
        assertNothingLeftOnDisk();
    }

    @Test
    void storesAPathTraversalNameSafely() throws IOException {
        Map<String, Object> evidence = learner.submit(enrollment, metadata("OBSERVATION", "路徑", List.of(P231)),
                new EvidenceApi.Upload("../../../etc/報告\u0007.txt", MediaType.TEXT_PLAIN_TYPE, "純文字內容".getBytes(StandardCharsets.UTF_8)));

        Map<String, Object> file = files(evidence).get(0);
        assertEquals("報告.txt", file.get("filename"));
        assertEquals("text/plain; charset=UTF-8", file.get("contentType"));
        Path store = Path.of(folders.get("app.evidence.local-dir")).toAbsolutePath();
        try (Stream<Path> stored = Files.walk(store)) {
            assertTrue(stored.filter(Files::isRegularFile).allMatch(p -> p.toAbsolutePath().startsWith(store)
                    && !p.getFileName().toString().contains("報告")));
        }
    }

    @Test
    void judgingAnIndicatorTheEvidenceDoesNotClaimIsRefused() {
        Map<String, Object> evidence = learner.submit(enrollment, metadata("OBSERVATION", "只宣稱一項", List.of(P231)), PDF);

        HttpClientResponseException refused = trainer.refusal(HttpRequest.POST("/api/evidence/" + id(evidence) + "/judgements",
                Map.of("indicator", "KPS5294-001v4:P2.3.3", "outcome", "MET")));
        HttpClientResponseException badOutcome = trainer.refusal(HttpRequest.POST("/api/evidence/" + id(evidence) + "/judgements",
                Map.of("indicator", P231, "outcome", "MAYBE")));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertEquals(List.of("indicator: evidence " + id(evidence) + " does not claim KPS5294-001v4:P2.3.3"), errors(refused));
        assertEquals(List.of("outcome: outcome must be MET or NOT_YET"), errors(badOutcome));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLearnerListsTheirOwnEvidenceAndTheCourseTrainersAnEnrollmentsButNobodyElse() {
        TestUsers users = TestUsers.of(context, http);
        users.create("list.learner", Roles.LEARNER);
        long listing = id(trainer.send(HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", "list.learner"))));
        EvidenceApi lister = new EvidenceApi(http, users.login("list.learner", TestUsers.PASSWORD));
        long own = id(lister.submit(listing, metadata("OBSERVATION", "列表", List.of(P231)), PDF));

        List<Object> mine = lister.list("/api/me/evidence");
        List<Object> ofEnrollment = trainer.list("/api/enrollments/" + listing + "/evidence");

        assertTrue(mine.stream().map(e -> ((Number) ((Map<String, Object>) e).get("id")).longValue()).toList().contains(own));
        assertTrue(mine.stream().allMatch(e -> ((Number) ((Map<String, Object>) e).get("enrollmentId")).longValue() == listing));
        Map<String, Object> listed = (Map<String, Object>) ofEnrollment.stream()
                .filter(e -> ((Number) ((Map<String, Object>) e).get("id")).longValue() == own).findFirst().orElseThrow();
        assertEquals(List.of(P231), listed.get("indicators"));
        assertEquals(1, ((List<?>) listed.get("files")).size());
        assertEquals(HttpStatus.NOT_FOUND, learner.refusal(HttpRequest.GET("/api/enrollments/" + listing + "/evidence")).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, otherTrainer.refusal(HttpRequest.GET("/api/enrollments/" + listing + "/evidence")).getStatus());
    }

    @Test
    void anArchivedCourseTakesNoEvidence() {
        TestUsers users = TestUsers.of(context, http);
        String owner = users.tokenFor("archive.trainer", Roles.TRAINER);
        long archived = CourseFixtures.publishedComplaintsCourse(http, owner, "EV-ARCH", "封存");
        EvidenceApi owning = new EvidenceApi(http, owner);
        users.create("archive.learner", Roles.LEARNER);
        long enrolled = id(owning.send(HttpRequest.POST("/api/courses/" + archived + "/enrollments", Map.of("username", "archive.learner"))));
        owning.send(HttpRequest.POST("/api/courses/" + archived + "/archive", Map.of()));
        EvidenceApi archiveLearner = new EvidenceApi(http, users.tokenFor("archive.learner", Roles.LEARNER));
        Map<String, Long> before = rows.now();

        HttpClientResponseException refused = archiveLearner.refusal(archiveLearner.submission(enrolled,
                metadata("OBSERVATION", "太晚", List.of(P231)), PDF));

        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
        assertEquals(before, rows.now());
        assertNothingLeftOnDisk();
    }

    @Test
    void aLearnerCannotJudgeAndWithdrawsOnlyWhileNothingIsJudged() {
        Map<String, Object> first = learner.submit(enrollment, metadata("OBSERVATION", "撤回", List.of(P231)), PDF);
        Map<String, Object> second = learner.submit(enrollment, metadata("OBSERVATION", "已評", List.of(P231)), PDF);

        assertEquals(HttpStatus.FORBIDDEN, learner.refusal(HttpRequest.POST("/api/evidence/" + id(second) + "/judgements",
                Map.of("indicator", P231, "outcome", "MET"))).getStatus());
        assertEquals("WITHDRAWN", learner.send(HttpRequest.POST("/api/evidence/" + id(first) + "/withdrawal", Map.of())).get("status"));
        trainer.send(HttpRequest.POST("/api/evidence/" + id(second) + "/judgements", Map.of("indicator", P231, "outcome", "MET")));
        assertEquals(HttpStatus.CONFLICT, learner.refusal(HttpRequest.POST("/api/evidence/" + id(second) + "/withdrawal", Map.of())).getStatus());
        assertEquals(HttpStatus.CONFLICT, trainer.refusal(HttpRequest.POST("/api/evidence/" + id(first) + "/judgements",
                Map.of("indicator", P231, "outcome", "MET"))).getStatus());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBatchOfJudgementsIsRecordedWholeOrNotAtAll() {
        long a = id(learner.submit(enrollment, metadata("OBSERVATION", "批次一", List.of(P231)), PDF));
        long b = id(learner.submit(enrollment, metadata("ORAL_QUESTIONING", "批次二", List.of(P232))));
        Map<String, Long> before = rows.now();

        HttpClientResponseException refused = trainer.refusal(HttpRequest.POST("/api/courses/" + course + "/judgements", List.of(
                Map.of("evidenceId", a, "indicator", P231, "outcome", "MET", "comment", "好"),
                Map.of("evidenceId", b, "indicator", P231, "outcome", "MET"))));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertEquals(List.of("[1].indicator: evidence " + b + " does not claim " + P231), errors(refused));
        assertEquals(before, rows.now());

        Map<String, Object> recorded = trainer.send(HttpRequest.POST("/api/courses/" + course + "/judgements", List.of(
                Map.of("evidenceId", a, "indicator", P231, "outcome", "MET", "comment", "好"),
                Map.of("evidenceId", b, "indicator", P232, "outcome", "NOT_YET"))));
        assertEquals(2, recorded.get("recorded"));
        List<Map<String, Object>> history = (List<Map<String, Object>>) trainer.send(HttpRequest.GET("/api/evidence/" + b)).get("judgements");
        assertEquals("NOT_YET", history.get(0).get("outcome"));
    }

    @Test
    void nobodyJudgesTheirOwnEvidenceWhateverTheirRoles() {
        String dualToken = TestUsers.of(context, http).tokenFor("dual.trainer", Roles.TRAINER, Roles.LEARNER);
        EvidenceApi dual = new EvidenceApi(http, dualToken);
        long ownCourse = CourseFixtures.publishedComplaintsCourse(http, dualToken, "EV-SELF", "自評");
        long ownEnrollment = id(dual.send(HttpRequest.POST("/api/courses/" + ownCourse + "/enrollments", Map.of("username", "dual.trainer"))));
        long own = id(dual.submit(ownEnrollment, metadata("OBSERVATION", "我的", List.of(P231)), PDF));
        Map<String, Long> before = rows.now();

        HttpClientResponseException single = dual.refusal(HttpRequest.POST("/api/evidence/" + own + "/judgements",
                Map.of("indicator", P231, "outcome", "MET")));
        HttpClientResponseException batch = dual.refusal(HttpRequest.POST("/api/courses/" + ownCourse + "/judgements",
                List.of(Map.of("evidenceId", own, "indicator", P231, "outcome", "MET"))));

        assertEquals(HttpStatus.FORBIDDEN, single.getStatus());
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, batch.getStatus());
        assertEquals(List.of("[0].evidenceId: nobody judges their own evidence"), errors(batch));
        assertEquals(before, rows.now());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theQueueListsUnjudgedEvidenceOldestFirst() {
        long first = id(otherLearnerSubmits("排隊一"));
        long second = id(otherLearnerSubmits("排隊二"));

        List<Long> queued = queue("?learner=other.learner");
        trainer.send(HttpRequest.POST("/api/evidence/" + first + "/judgements", Map.of("indicator", P231, "outcome", "MET")));

        assertEquals(List.of(first, second), queued);
        assertEquals(List.of(second), queue("?learner=other.learner"));
        assertEquals(List.of(), queue("?learner=other.learner&method=PORTFOLIO&indicator=" + P232));
    }

    @Test
    void anUploadCutOffMidStreamLeavesNothingBehind() throws Exception {
        Map<String, Long> before = rows.now();
        String token = TestUsers.of(context, http).login("rule.learner", TestUsers.PASSWORD);
        int port = context.getBean(io.micronaut.runtime.server.EmbeddedServer.class).getPort();
        String boundary = "----cut-off-upload";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                + metadata("OBSERVATION", "中斷", List.of(P231)) + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"half.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port); OutputStream out = socket.getOutputStream()) {
            out.write(("POST /api/enrollments/" + enrollment + "/evidence HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + (headBytes.length + 3000)
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(headBytes);
            out.write(new byte[1000]);
            out.flush();
            Thread.sleep(300);
        }
        Thread.sleep(500);

        assertEquals(before, rows.now());
        assertNothingLeftOnDisk();
    }

    @Test
    void anUploadFromAnotherHttpClientIsStoredByteForByteAndLeavesNoStagedFile() throws Exception {
        String token = TestUsers.of(context, http).login("rule.learner", TestUsers.PASSWORD);
        int port = context.getBean(io.micronaut.runtime.server.EmbeddedServer.class).getPort();
        String boundary = "----complete-upload";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                + metadata("OBSERVATION", "完整", List.of(P231)) + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"whole.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                + "%PDF-1.4 whole\n\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);

        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/enrollments/" + enrollment + "/evidence"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertEquals(201, answer.statusCode(), answer.body());
        String expected = EvidenceRoundTrip.sha256("%PDF-1.4 whole\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(answer.body().contains("\"size\":15") && answer.body().contains(expected), answer.body());
        assertNothingLeftOnDisk();
    }

    private Map<String, Object> otherLearnerSubmits(String title) {
        return otherLearner.submit(otherEnrollment, metadata("OBSERVATION", title, List.of(P231)), PDF);
    }

    @SuppressWarnings("unchecked")
    private List<Long> queue(String query) {
        List<Object> entries = trainer.list("/api/courses/" + course + "/evidence/awaiting" + query);
        List<Long> ids = new ArrayList<>();
        for (Object entry : entries) {
            ids.add(((Number) ((Map<String, Object>) entry).get("evidenceId")).longValue());
        }
        return ids;
    }

    private void assertNothingLeftOnDisk() {
        for (String folder : List.of("app.evidence.staging-dir")) {
            try (Stream<Path> files = Files.walk(Path.of(folders.get(folder)))) {
                assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), folder);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        try (Stream<Path> stored = Files.walk(Path.of(folders.get("app.evidence.local-dir")))) {
            long files = stored.filter(Files::isRegularFile).count();
            assertEquals(rows.now().get("evidence_file"), files, "every stored file belongs to an evidence_file row and no other");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }

    private static long fileId(Map<String, Object> evidence) {
        return ((Number) files(evidence).get(0).get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> files(Map<String, Object> evidence) {
        return (List<Map<String, Object>>) evidence.get("files");
    }
}
