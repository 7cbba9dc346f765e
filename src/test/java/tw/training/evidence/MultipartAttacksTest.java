package tw.training.evidence;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.course.CourseFixtures;
import tw.training.testing.DatabaseTest;
import tw.training.testing.RawHttp;
import tw.training.testing.RowCounts;
import tw.training.testing.TestFolders;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.training.evidence.EvidenceApi.metadata;

/**
 * Multipart bodies as an attacker or a broken client sends them, over a raw socket: the parts in any order, a
 * file part without a file name, a body that breaks off or never closes. Each gets an answer, none holds a file
 * in memory, and none leaves a row or a staged file behind.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultipartAttacksTest implements DatabaseTest {

    private static final String P231 = "KPS5294-001v4:P2.3.1";
    private static final String BOUNDARY = "----attack-boundary";
    private static final int POLL_LIMIT_MILLIS = 60_000;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    private final Map<String, String> folders = new HashMap<>();
    private String token;
    private long enrollment;
    private RowCounts rows;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        folders.putAll(TestFolders.localEvidence());
        properties.putAll(folders);
        return properties;
    }

    @BeforeAll
    void enrollALearner() {
        TestUsers users = TestUsers.of(context, http);
        String trainerToken = users.tokenFor("attack.trainer", Roles.TRAINER);
        EvidenceApi trainer = new EvidenceApi(http, trainerToken);
        long course = CourseFixtures.publishedComplaintsCourse(http, trainerToken, "EV-ATTACK", "攻擊");
        token = users.tokenFor("attack.learner", Roles.LEARNER);
        enrollment = ((Number) trainer.send(HttpRequest.POST("/api/courses/" + course + "/enrollments",
                Map.of("username", "attack.learner"))).get("id")).longValue();
        rows = new RowCounts(dataSource, List.of("evidence", "evidence_indicator", "evidence_file"));
    }

    @Test
    void aFileSentBeforeTheMetadataStreamsToStagingWhileItArrives() throws Exception {
        byte[] file = pdf(2 * 1024 * 1024);
        byte[] body = concat(filePart("first.pdf", file), metadataPart(metadata("OBSERVATION", "先檔案", List.of(P231))), closing());
        int half = filePart("first.pdf", file).length / 2;

        try (RawHttp client = upload(body.length)) {
            client.send(Arrays.copyOf(body, half));
            // the server holds none of it in memory: the first half is on disk before the rest is even sent
            awaitStagedBytes(half / 2);
            client.send(Arrays.copyOfRange(body, half, body.length));

            String answer = client.answer();
            assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
            assertTrue(answer.contains(EvidenceRoundTrip.sha256(file)), answer);
        }
        assertNothingStaged();
    }

    @Test
    void aWrongClaimAfterTheFilesIsRefusedAndTheStagedFilesRemoved() throws Exception {
        Map<String, Long> before = rows.now();
        byte[] body = concat(filePart("late.pdf", pdf(64 * 1024)), metadataPart(metadata("OBSERVATION", "錯", List.of("KPS5294-001v4:P9.9.9"))), closing());

        assertEquals(422, send(body));
        assertEquals(before, rows.now());
        assertNothingStaged();
    }

    @Test
    void aFilePartWithoutAFileNameIsRefused() throws Exception {
        String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 no name\r\n";
        byte[] body = concat(metadataPart(metadata("OBSERVATION", "無名", List.of(P231))), part.getBytes(StandardCharsets.UTF_8), closing());

        assertEquals(422, send(body));
        assertNothingStaged();
    }

    @Test
    void fiftyFilePartsWithoutFileNamesEachGetAnAnswer() throws Exception {
        String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno name\r\n";
        byte[] body = concat(part.getBytes(StandardCharsets.UTF_8), metadataPart(metadata("OBSERVATION", "無名", List.of(P231))), closing());
        for (int i = 0; i < 50; i++) {
            assertEquals(422, send(body), "request " + i);
        }
    }

    @Test
    void aFileSentUnderAnotherPartNameIsRefusedNamingItNeverDropped() throws Exception {
        Map<String, Long> before = rows.now();
        String files = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 x\r\n";
        byte[] body = concat(metadataPart(metadata("OBSERVATION", "錯名", List.of(P231))), files.getBytes(StandardCharsets.UTF_8), closing());

        try (RawHttp client = upload(body.length)) {
            String answer = client.send(body).answer();
            assertTrue(answer.startsWith("HTTP/1.1 422") && answer.contains("\"field\":\"files\""), answer);
        }
        assertEquals(before, rows.now());
        assertNothingStaged();
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Map<String, Long> before = rows.now();
        byte[] body = concat(metadataPart(metadata("OBSERVATION", "空", List.of(P231))), filePart("empty.txt", new byte[0]), closing());

        try (RawHttp client = upload(body.length)) {
            String answer = client.send(body).answer();
            assertTrue(answer.startsWith("HTTP/1.1 422") && answer.contains("\"field\":\"file[0]\"") && answer.contains("empty"), answer);
        }
        assertEquals(before, rows.now());
        assertNothingStaged();
    }

    @Test
    void metadataThatIsNotAnObjectIsRefused() throws Exception {
        for (String metadata : List.of("null", "[]", "\"text\"", "{")) {
            assertEquals(422, send(concat(metadataPart(metadata), closing())), metadata);
        }
    }

    @Test
    void aBodyThatNeverClosesItsLastPartIsRefused() throws Exception {
        byte[] body = concat(metadataPart(metadata("OBSERVATION", "未完", List.of(P231))),
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"open.pdf\"\r\n\r\n%PDF-1.4 and no end")
                        .getBytes(StandardCharsets.UTF_8));

        assertEquals(422, send(body));
        assertNothingStaged();
    }

    @Test
    void bodiesThatAreNoMultipartAtAllAreRefused() throws Exception {
        assertEquals(422, send("just some bytes".getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, send(("--" + BOUNDARY + "\r\n" + "x".repeat(20_000)).getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, send(("--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nno disposition\r\n--" + BOUNDARY + "--")
                .getBytes(StandardCharsets.UTF_8)));
        try (RawHttp client = new RawHttp(port())) {
            client.head("POST /api/enrollments/" + enrollment + "/evidence HTTP/1.1", "Authorization: Bearer " + token,
                    "Content-Type: multipart/form-data", "Content-Length: 4", "Connection: close").send("abcd");
            assertEquals(422, client.status());
        }
    }

    @Test
    void aFileCutOffBeforeTheMetadataLeavesNothingBehind() throws Exception {
        Map<String, Long> before = rows.now();
        byte[] file = filePart("cut.pdf", pdf(512 * 1024));
        try (RawHttp client = upload(file.length + 10_000)) {
            client.send(file);
            awaitStagedBytes(1);
        }
        awaitNothingStaged();
        assertEquals(before, rows.now());
        assertEquals(201, send(concat(metadataPart(metadata("OBSERVATION", "之後", List.of(P231))), closing())),
                "the server goes on serving");
    }

    private int send(byte[] body) throws IOException {
        try (RawHttp client = upload(body.length)) {
            return client.send(body).status();
        }
    }

    private RawHttp upload(long length) throws IOException {
        return new RawHttp(port()).head("POST /api/enrollments/" + enrollment + "/evidence HTTP/1.1",
                "Authorization: Bearer " + token, "Content-Type: multipart/form-data; boundary=" + BOUNDARY,
                "Content-Length: " + length, "Connection: close");
    }

    private int port() {
        return context.getBean(EmbeddedServer.class).getPort();
    }

    private static byte[] metadataPart(String json) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n" + json + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] filePart(String filename, byte[] content) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        return concat(head, content, "\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] closing() {
        return ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A PDF by its first bytes, of the given size. */
    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        byte[] magic = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        for (int i = magic.length; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private Path staging() {
        return Path.of(folders.get("app.evidence.staging-dir"));
    }

    private long stagedBytes() throws IOException {
        try (Stream<Path> files = Files.list(staging())) {
            long total = 0;
            for (Path file : files.toList()) {
                try {
                    total += Files.size(file);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // removed between listing and measuring
                }
            }
            return total;
        }
    }

    private void awaitStagedBytes(long atLeast) throws Exception {
        long deadline = System.currentTimeMillis() + POLL_LIMIT_MILLIS;
        while (stagedBytes() < atLeast) {
            assertTrue(System.currentTimeMillis() < deadline, "nothing reached the staging folder while the body was still arriving");
            Thread.sleep(20);
        }
    }

    private void awaitNothingStaged() throws Exception {
        long deadline = System.currentTimeMillis() + POLL_LIMIT_MILLIS;
        while (!isStagingEmpty()) {
            assertTrue(System.currentTimeMillis() < deadline, "a staged file outlived its broken upload");
            Thread.sleep(20);
        }
    }

    private boolean isStagingEmpty() throws IOException {
        try (Stream<Path> files = Files.list(staging())) {
            return files.findAny().isEmpty();
        }
    }

    private void assertNothingStaged() throws IOException {
        assertTrue(isStagingEmpty(), "staging folder is empty");
    }
}
