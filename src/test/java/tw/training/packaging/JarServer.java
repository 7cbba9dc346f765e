package tw.training.packaging;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.File;
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
 * The packaged jar started as README's command 1 starts it, in a folder of its own on the embedded default, with
 * a bootstrap administrator, and the few calls the packaging tests make of it. It can be stopped, killed and
 * started again on the same folder.
 */
final class JarServer {

    static final String PASSWORD = "packaged jar passphrase";
    static final JsonMapper JSON = JsonMapper.createDefault();
    /** Far beyond any answer on a slow machine; reached only when the server never answers. */
    static final Duration NO_ANSWER = Duration.ofSeconds(60);

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Path folder;
    final int port;
    /** Settings added to the environment of the next start (and those after it). */
    final Map<String, String> environment = new java.util.HashMap<>();
    private final Path jar;
    private Process process;

    JarServer(String name) throws IOException {
        this(name, Path.of(jar()));
    }

    /** A server of the jar at {@code jar} rather than the one this build packaged. */
    JarServer(String name, Path jar) throws IOException {
        this.jar = jar.toAbsolutePath();
        folder = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), name);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    static String jar() {
        return new File(System.getProperty("app.jar", "target/competency-backend-0.1.0.jar")).getAbsolutePath();
    }

    /**
     * README's command 1 for the jar at {@code jar}: {@code java} with the class archive the build wrote beside it
     * ({@code .jsa}; a JVM that finds none, or one made for another jar, starts without it).
     */
    static List<String> command(Path jar) {
        String name = jar.toAbsolutePath().toString();
        return List.of("java", "-XX:SharedArchiveFile=" + name.replaceAll("\\.jar$", ".jsa"), "-jar", name);
    }

    /** Starts the jar and waits until readiness answers 200. */
    Process start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command(jar)).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("server.log").toFile()));
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("APP_BOOTSTRAP_ADMIN_USERNAME", "jar.admin");
        builder.environment().put("APP_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        builder.environment().putAll(environment);
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(uri("/health/readiness")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            assertTrue(process.isAlive() && System.nanoTime() < deadline, "the server did not start; see " + log());
            Thread.sleep(100);
        }
    }

    Process process() {
        return process;
    }

    Path log() {
        return folder.resolve("server.log");
    }

    String login(String username) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/login")).timeout(NO_ANSWER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return (String) map(answer.body()).get("access_token");
    }

    void createUser(String admin, String username, String role) throws Exception {
        send("POST", "/api/users", admin, "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"email\":\"" + username
                + "@example.org\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"" + role + "\"]}");
    }

    /** A published course on KPS5294-001v4 T2.3 (observed) with the learner enrolled; answers the enrollment. */
    long enrollment(String trainer, String learner, String code) throws Exception {
        long course = id(send("POST", "/api/courses", trainer, "{\"code\":\"" + code + "\",\"title\":\"" + code + "\",\"hours\":6}"));
        send("POST", "/api/courses/" + course + "/alignments", trainer,
                "{\"standardCode\":\"KPS5294-001v4\",\"taskCode\":\"T2.3\",\"methods\":[\"OBSERVATION\"]}");
        send("POST", "/api/courses/" + course + "/publish", trainer, "{}");
        return id(send("POST", "/api/courses/" + course + "/enrollments", trainer, "{\"username\":\"" + learner + "\"}"));
    }

    String send(String method, String path, String token, String json) throws Exception {
        HttpResponse<String> answer = http.send(request(path, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() < 300, path + " answered " + answer.statusCode() + ": " + answer.body());
        return answer.body();
    }

    String get(String path, String token) throws Exception {
        HttpResponse<String> answer = http.send(request(path, token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return answer.body();
    }

    HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(uri(path)).timeout(NO_ANSWER).header("Authorization", "Bearer " + token);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The multipart body of an evidence submission claiming P2.3.1–P2.3.4, with one PDF file when {@code pdf} is given. */
    static Multipart evidence(byte[] pdf) {
        String boundary = "----jar" + System.nanoTime();
        String metadata = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                + "{\"method\":\"OBSERVATION\",\"title\":\"演練\",\"indicators\":[\"KPS5294-001v4:P2.3.1\",\"KPS5294-001v4:P2.3.2\","
                + "\"KPS5294-001v4:P2.3.3\",\"KPS5294-001v4:P2.3.4\"]}\r\n";
        String filePart = pdf == null ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"drill.pdf\"\r\n\r\n";
        byte[] head = (metadata + filePart).getBytes(StandardCharsets.UTF_8);
        byte[] tail = ((pdf == null ? "" : "\r\n") + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = pdf == null ? new byte[0] : pdf;
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return new Multipart("multipart/form-data; boundary=" + boundary, body);
    }

    /** A multipart body and its content type. */
    record Multipart(String contentType, byte[] body) {
    }

    /** Random bytes that read as a PDF by their first bytes. */
    static byte[] pdf(java.util.Random random, int size) {
        byte[] pdf = new byte[size];
        random.nextBytes(pdf);
        byte[] magic = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, pdf, 0, magic.length);
        return pdf;
    }

    static Map<String, Object> map(String json) throws IOException {
        return JSON.readValue(json, Argument.mapOf(String.class, Object.class));
    }

    static long id(String json) throws IOException {
        return ((Number) map(json).get("id")).longValue();
    }
}
