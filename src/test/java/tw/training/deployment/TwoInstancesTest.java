package tw.training.deployment;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.AccountService;
import tw.training.account.CreateUserRequest;
import tw.training.evidence.EvidenceSweeper;
import tw.training.progress.ProgressService;
import tw.training.testing.DatabaseTest;
import tw.training.testing.Parallel;
import tw.training.testing.RowCounts;
import tw.training.testing.S3Server;
import tw.training.testing.TestFolders;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two servers on one database and one S3 bucket behave as one (SPEC §9): the certification path with every step
 * on the other server than the one before, twenty assessors judging through both at once, and both running the
 * evidence sweep together. Nothing relies on one process's memory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest implements DatabaseTest {

    private static final String STANDARD = "KPS5294-001v4";
    private static final List<String> INDICATORS = List.of("P2.3.1", "P2.3.2", "P2.3.3", "P2.3.4");
    private static final byte[] PDF = "%PDF-1.4\n% 兩台伺服器\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    private final List<EmbeddedServer> servers = new ArrayList<>();
    private final List<HttpClient> clients = new ArrayList<>();
    private String admin;
    private String trainer;

    @BeforeAll
    void startTwoServers() {
        Map<String, Object> shared = new HashMap<>(getProperties());
        shared.putAll(S3Server.freshBucket());
        shared.put("micronaut.server.port", -1);
        for (int i = 0; i < 2; i++) {
            Map<String, Object> own = new HashMap<>(shared);
            // each instance stages uploads on its own disk; the store is shared
            own.put("app.evidence.staging-dir", TestFolders.fresh("instance-" + i).toString());
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, own);
            servers.add(server);
            clients.add(HttpClient.create(server.getURL()));
        }
        servers.get(0).getApplicationContext().getBean(AccountService.class).create(new CreateUserRequest("two.admin", "管理", "admin@example.org",
                TestUsers.PASSWORD, List.of("ADMIN")), null);
        admin = login(1, "two.admin");
        createUser(0, "two.trainer", "TRAINER");
        trainer = login(1, "two.trainer");
    }

    @AfterAll
    void stopServers() throws Exception {
        for (HttpClient client : clients) {
            client.close();
        }
        for (EmbeddedServer server : servers) {
            server.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCertificationPathAlternatingBetweenTheServers() throws Exception {
        createUser(1, "two.learner", "LEARNER");
        String learner = login(0, "two.learner");
        long course = id(send(1, HttpRequest.POST("/api/courses", Map.of("code", "TWO-1", "title", "兩台", "hours", 6)), trainer));
        send(0, HttpRequest.POST("/api/courses/" + course + "/alignments",
                Map.of("standardCode", STANDARD, "taskCode", "T2.3", "methods", List.of("OBSERVATION"))), trainer);
        send(1, HttpRequest.POST("/api/courses/" + course + "/publish", Map.of()), trainer);
        long enrollment = id(send(0, HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", "two.learner")), trainer));

        Map<String, Object> evidence = send(1, HttpRequest.POST("/api/enrollments/" + enrollment + "/evidence", MultipartBody.builder()
                .addPart("metadata", claim("OBSERVATION", INDICATORS))
                .addPart("file", "紀錄.pdf", MediaType.APPLICATION_PDF_TYPE, PDF).build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE), learner);
        Map<String, Object> file = ((List<Map<String, Object>>) evidence.get("files")).get(0);
        byte[] downloaded = clients.get(0).toBlocking().retrieve(HttpRequest.GET("/api/evidence/" + id(evidence) + "/files/" + file.get("id"))
                .bearerAuth(learner), byte[].class);
        for (int i = 0; i < INDICATORS.size(); i++) {
            send(i % 2, HttpRequest.POST("/api/evidence/" + id(evidence) + "/judgements",
                    Map.of("indicator", STANDARD + ":" + INDICATORS.get(i), "outcome", "MET")), trainer);
        }
        Map<String, Object> progress = send(1, HttpRequest.GET("/api/enrollments/" + enrollment + "/progress"), learner);
        Map<String, Object> certificate = send(0, HttpRequest.POST("/api/enrollments/" + enrollment + "/certificate", Map.of()), admin);
        String token = ((String) certificate.get("verificationUrl")).replaceFirst(".*/verify/", "");
        Map<String, Object> verified = clients.get(1).toBlocking().retrieve(HttpRequest.GET("/verify/" + token).accept(MediaType.APPLICATION_JSON),
                Argument.mapOf(String.class, Object.class));
        String report = clients.get(1).toBlocking().retrieve(HttpRequest.GET("/api/reports/certification?courseId=" + course)
                .accept("text/csv").bearerAuth(admin));

        assertEquals(file.get("sha256"), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(downloaded)));
        assertEquals(true, ((Map<String, Object>) progress.get("summary")).get("complete"));
        assertEquals("VALID", verified.get("status"));
        assertTrue(report.contains((String) certificate.get("number")), report);
    }

    @Test
    void twentyAssessorsJudgingThroughBothServersAtOnce() throws Exception {
        createUser(0, "two.racer", "LEARNER");
        String learner = login(1, "two.racer");
        long course = id(send(0, HttpRequest.POST("/api/courses", Map.of("code", "TWO-2", "title", "同時", "hours", 6)), trainer));
        send(1, HttpRequest.POST("/api/courses/" + course + "/alignments",
                Map.of("standardCode", STANDARD, "taskCode", "T2.3", "methods", List.of("OBSERVATION", "PORTFOLIO"))), trainer);
        send(0, HttpRequest.POST("/api/courses/" + course + "/publish", Map.of()), trainer);
        long enrollment = id(send(1, HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", "two.racer")), trainer));
        List<Long> evidence = new ArrayList<>();
        for (String method : List.of("OBSERVATION", "PORTFOLIO")) {
            evidence.add(id(send(evidence.size(), HttpRequest.POST("/api/enrollments/" + enrollment + "/evidence", MultipartBody.builder()
                    .addPart("metadata", claim(method, INDICATORS)).build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE), learner)));
        }

        List<Integer> failures = Parallel.run(20, client -> {
            Random random = new Random(client);
            int failed = 0;
            for (int i = 0; i < 15; i++) {
                try {
                    send((client + i) % 2, HttpRequest.POST("/api/evidence/" + evidence.get(random.nextInt(2)) + "/judgements",
                            Map.of("indicator", STANDARD + ":" + INDICATORS.get(random.nextInt(INDICATORS.size())),
                                    "outcome", random.nextInt(4) == 0 ? "NOT_YET" : "MET")), trainer);
                } catch (HttpClientResponseException e) {
                    failed++;
                }
            }
            return failed;
        });

        assertEquals(0, failures.stream().mapToInt(Integer::intValue).sum(), "every judgement through either server answered 201");
        RowCounts database = new RowCounts(servers.get(0).getApplicationContext().getBean(DataSource.class), List.of());
        assertEquals("300", database.single("SELECT COUNT(*) FROM judgement j JOIN evidence v ON v.evidence_id = j.evidence_id"
                + " WHERE v.enrollment_id = " + enrollment));
        List<String> derived = ledger(database, enrollment);
        servers.get(1).getApplicationContext().getBean(ProgressService.class).rebuild();
        assertEquals(ledger(database, enrollment), derived);
    }

    @Test
    void bothServersSweepingAtOnceRemoveAnInterruptedUploadOnce() throws Exception {
        RowCounts database = new RowCounts(servers.get(0).getApplicationContext().getBean(DataSource.class), List.of());
        database.execute("INSERT INTO evidence_upload (storage_key, started_at) VALUES ('evidence/2026/01/01/interrupted',"
                + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')");

        List<Integer> removed = Parallel.run(2, client -> servers.get(client).getApplicationContext().getBean(EvidenceSweeper.class).sweep());

        assertTrue(removed.stream().mapToInt(Integer::intValue).sum() <= 1, removed.toString());
        assertEquals("0", database.single("SELECT COUNT(*) FROM evidence_upload WHERE storage_key = 'evidence/2026/01/01/interrupted'"));
    }

    private static List<String> ledger(RowCounts database, long enrollment) {
        List<String> rows = new ArrayList<>(database.rows("SELECT indicator_id, method, evidence_id, judgement_id FROM satisfaction"
                + " WHERE enrollment_id = " + enrollment + " ORDER BY indicator_id, method"));
        rows.addAll(database.rows("SELECT indicators_met, met_indicators FROM enrollment_progress WHERE enrollment_id = " + enrollment));
        rows.addAll(database.rows("SELECT status, completed_at FROM enrollment WHERE enrollment_id = " + enrollment));
        assertNotEquals(List.of(), rows);
        return rows;
    }

    private static String claim(String method, List<String> indicators) {
        return "{\"method\":\"" + method + "\",\"title\":\"" + method + "\",\"indicators\":[\"" + STANDARD + ":"
                + String.join("\",\"" + STANDARD + ":", indicators) + "\"]}";
    }

    private void createUser(int server, String username, String role) {
        send(server, HttpRequest.POST("/api/users", Map.of("username", username, "displayName", "王小明", "email", username + "@example.org",
                "password", TestUsers.PASSWORD, "roles", List.of(role))), admin);
    }

    private String login(int server, String username) {
        return (String) clients.get(server).toBlocking().retrieve(HttpRequest.POST("/login", Map.of("username", username, "password", TestUsers.PASSWORD)),
                Argument.mapOf(String.class, Object.class)).get("access_token");
    }

    private Map<String, Object> send(int server, MutableHttpRequest<?> request, String token) {
        return clients.get(server).toBlocking().retrieve(request.bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }
}
