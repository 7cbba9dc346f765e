package tw.training.packaging;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README's command 1 in earnest: the shaded jar started in an empty folder imports the seeds into {@code ./data},
 * serves the whole certification path with its templates, font and PDF printing, and keeps everything through
 * a kill and a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedJarIT {

    private static final String PASSWORD = "packaged jar password";
    private static final String STANDARD = "KPS5294-001v4";
    private static final List<String> INDICATORS = List.of("P2.3.1", "P2.3.2", "P2.3.3", "P2.3.4");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private Path folder;
    private int port;
    private Process server;

    @BeforeAll
    void startInAnEmptyFolder() throws Exception {
        folder = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "packaged-jar");
        port = freePort();
        server = start();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void theJarServesTheCertificationPathAndKeepsItThroughAKill() throws Exception {
        String admin = login("jar.admin");
        String standards = get("/api/standards", admin, "application/json");
        for (String code : List.of("KPS5294-001v4", "KMM5R0915v2", "KPS3322-M01")) {
            assertTrue(standards.contains(code), standards);
        }

        createUser(admin, "jar.trainer", "講師", "TRAINER");
        createUser(admin, "jar.learner", "王小明", "LEARNER");
        String trainer = login("jar.trainer");
        String learner = login("jar.learner");
        long course = id(send("POST", "/api/courses", trainer, "{\"code\":\"JAR-1\",\"title\":\"客訴處理實務\",\"hours\":6}"));
        send("POST", "/api/courses/" + course + "/alignments", trainer,
                "{\"standardCode\":\"" + STANDARD + "\",\"taskCode\":\"T2.3\",\"methods\":[\"OBSERVATION\"]}");
        send("POST", "/api/courses/" + course + "/publish", trainer, "{}");
        assertTrue(get("/api/courses/" + course + "/dossier", trainer, "text/html").contains("客訴處理實務"));
        long enrollment = id(send("POST", "/api/courses/" + course + "/enrollments", trainer, "{\"username\":\"jar.learner\"}"));

        long evidence = id(submitEvidence(enrollment, learner));
        String judgements = String.join(",", INDICATORS.stream().map(indicator -> "{\"evidenceId\":" + evidence + ",\"indicator\":\""
                + STANDARD + ":" + indicator + "\",\"outcome\":\"MET\"}").toList());
        send("POST", "/api/courses/" + course + "/judgements", trainer, "[" + judgements + "]");
        assertEquals("COMPLETED", map(get("/api/enrollments/" + enrollment, learner, "application/json")).get("status"));

        Map<String, Object> issued = map(send("POST", "/api/enrollments/" + enrollment + "/certificate", admin, "{}"));
        String number = (String) issued.get("number");
        // no APP_PUBLIC_URL on the embedded default: the printed address is this machine at the port the server was given
        assertTrue(((String) issued.get("verificationUrl")).startsWith("http://localhost:" + port + "/verify/"), issued.toString());
        String verification = ((String) issued.get("verificationUrl")).replaceFirst("^https?://[^/]+", "");
        assertTrue(get("/api/certificates/" + number, learner, "text/html").contains("王小明"));
        String certificate = pdfText(getBytes("/api/certificates/" + number, learner, "application/pdf"));
        assertTrue(certificate.contains("王小明") && certificate.contains("客訴處理實務") && certificate.contains("處理客訴"), certificate);
        assertTrue(pdfText(getBytes("/api/reports/certification?courseId=" + course, admin, "application/pdf")).contains("jar.learner"));
        assertTrue(get("/swagger-ui/index.html", null, "text/html").contains("swagger"));
        List<String> warnings = Files.readAllLines(folder.resolve("server.log")).stream()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
        assertEquals(List.of(), warnings, "the journey, printing a certificate and a report among it, logs no warning (issue 29, point 10)");

        // killed without a chance to flush, then started again on the same ./data
        server.destroyForcibly().waitFor();
        server = start();
        assertEquals("VALID", map(get(verification, null, "application/json")).get("status"));
        assertTrue(get(verification, null, "text/html").contains("王*明"));
        assertEquals("COMPLETED", map(get("/api/enrollments/" + enrollment, login("jar.learner"), "application/json")).get("status"));
    }

    private Process start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(JarServer.command(Path.of(System.getProperty("app.jar"))))
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("server.log").toFile()));
        // the embedded default: whatever database the surrounding environment names is not this test's
        builder.environment().keySet().removeIf(name -> name.startsWith("DATASOURCES_") || name.startsWith("APP_"));
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("APP_BOOTSTRAP_ADMIN_USERNAME", "jar.admin");
        builder.environment().put("APP_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        Process process = builder.start();
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until && process.isAlive()) {
            try {
                if (HTTP.send(request("/health", null, "application/json").build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the jar did not start; see " + folder.resolve("server.log") + ":\n" + Files.readString(folder.resolve("server.log")));
    }

    private String login(String username) throws Exception {
        return (String) map(send("POST", "/login", null, "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")).get("access_token");
    }

    private void createUser(String admin, String username, String displayName, String role) throws Exception {
        send("POST", "/api/users", admin, "{\"username\":\"" + username + "\",\"displayName\":\"" + displayName + "\",\"email\":\"" + username
                + "@example.org\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"" + role + "\"]}");
    }

    private String submitEvidence(long enrollment, String learner) throws Exception {
        String claims = String.join(",", INDICATORS.stream().map(indicator -> "\"" + STANDARD + ":" + indicator + "\"").toList());
        String boundary = "packaged-jar-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"method\":\"OBSERVATION\",\"title\":\"客訴演練觀察\",\"indicators\":[" + claims + "]}\r\n--" + boundary + "--\r\n";
        return body(HTTP.send(request("/api/enrollments/" + enrollment + "/evidence", learner, "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private String send(String method, String path, String token, String json) throws Exception {
        return body(HTTP.send(request(path, token, "application/json").header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private String get(String path, String token, String accept) throws Exception {
        return new String(getBytes(path, token, accept), StandardCharsets.UTF_8);
    }

    private byte[] getBytes(String path, String token, String accept) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(request(path, token, accept).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), () -> path + ": " + new String(response.body(), StandardCharsets.UTF_8));
        return response.body();
    }

    private HttpRequest.Builder request(String path, String token, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept)
                .timeout(Duration.ofSeconds(30));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static String body(HttpResponse<String> response) {
        assertTrue(response.statusCode() < 300, () -> response.uri() + " answered " + response.statusCode() + ": " + response.body());
        return response.body();
    }

    private static Map<String, Object> map(String json) throws IOException {
        return JSON.readValue(json, Argument.mapOf(String.class, Object.class));
    }

    private static long id(String json) throws IOException {
        return ((Number) map(json).get("id")).longValue();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
