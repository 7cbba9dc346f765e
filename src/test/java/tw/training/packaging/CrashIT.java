package tw.training.packaging;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

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
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar killed ({@code kill -9}) while uploads and judgements are in flight, then started again on
 * the same folder: every upload it acknowledged downloads with its SHA-256, every judgement it acknowledged is
 * there, and the store and the database agree ({@code reconcile-evidence}: no file without its row, no row
 * without its file). Readiness answers only once migrations and the seed import are done.
 */
class CrashIT {

    private static final String PASSWORD = "crash drill passphrase";
    private static final JsonMapper JSON = JsonMapper.createDefault();
    /** Far beyond any answer on a slow machine; reached only when the server never answers. */
    private static final Duration NO_ANSWER = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path folder;
    private int port;

    @Test
    @SuppressWarnings("unchecked")
    void whatTheServerAcknowledgedSurvivesAKill() throws Exception {
        folder = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "crash");
        port = freePort();
        Process server = start();
        // readiness answered only once the start was complete: the five seeds were imported before it
        assertEquals(5, Files.readString(folder.resolve("server.log")).lines().filter(line -> line.contains("Imported ")).count(),
                Files.readString(folder.resolve("server.log")));
        String admin = login("crash.admin");
        createUser(admin, "crash.trainer", "TRAINER");
        createUser(admin, "crash.learner", "LEARNER");
        String trainer = login("crash.trainer");
        String learner = login("crash.learner");
        long course = id(send("POST", "/api/courses", trainer, "{\"code\":\"CRASH\",\"title\":\"當機\",\"hours\":6}"));
        send("POST", "/api/courses/" + course + "/alignments", trainer, "{\"standardCode\":\"KPS5294-001v4\",\"taskCode\":\"T2.3\",\"methods\":[\"OBSERVATION\"]}");
        send("POST", "/api/courses/" + course + "/publish", trainer, "{}");
        long enrollment = id(send("POST", "/api/courses/" + course + "/enrollments", trainer, "{\"username\":\"crash.learner\"}"));
        long judged = id(submit(enrollment, learner, new byte[0]).body());

        Map<Long, String> uploads = new ConcurrentHashMap<>();
        Map<Long, Long> judgements = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        for (int c = 0; c < 6; c++) {
            int client = c;
            clients.submit(() -> {
                Random random = new Random(client);
                while (running.get()) {
                    try {
                        if (client < 3) {
                            byte[] file = new byte[256 * 1024 + random.nextInt(1024 * 1024)];
                            random.nextBytes(file);
                            HttpResponse<String> answer = submit(enrollment, learner, file);
                            if (answer.statusCode() == 201) {
                                uploads.put(id(answer.body()), sha256(withPdfHead(file)));
                            }
                        } else {
                            HttpResponse<String> answer = http.send(request("/api/evidence/" + judged + "/judgements", trainer)
                                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"indicator\":\"KPS5294-001v4:P2.3." + (1 + random.nextInt(4)) + "\",\"outcome\":\"MET\"}")).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() == 201) {
                                judgements.put(id(answer.body()), judged);
                            }
                        }
                    } catch (IOException | InterruptedException killed) {
                        // the server went away mid-request: not acknowledged, so nothing is owed
                    }
                }
                return null;
            });
        }
        while (uploads.size() < 5 || judgements.size() < 20) {
            Thread.sleep(50);
        }
        server.destroyForcibly().waitFor();
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(NO_ANSWER.toSeconds(), TimeUnit.SECONDS));

        server = start();
        try {
            for (Map.Entry<Long, String> upload : uploads.entrySet()) {
                Map<String, Object> evidence = map(get("/api/evidence/" + upload.getKey(), learner));
                Map<String, Object> file = ((List<Map<String, Object>>) evidence.get("files")).get(0);
                HttpResponse<byte[]> bytes = http.send(request("/api/evidence/" + upload.getKey() + "/files/" + file.get("id"), learner).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, bytes.statusCode());
                assertEquals(upload.getValue(), sha256(bytes.body()), "evidence " + upload.getKey());
            }
            List<Object> stored = new ArrayList<>();
            for (Map<String, Object> judgement : (List<Map<String, Object>>) map(get("/api/evidence/" + judged, trainer)).get("judgements")) {
                stored.add(((Number) judgement.get("id")).longValue());
            }
            assertTrue(stored.containsAll(judgements.keySet()), "every acknowledged judgement is stored");
            System.out.printf("acknowledged before the kill: %d uploads, %d judgements; all there after the restart%n", uploads.size(), judgements.size());
        } finally {
            server.destroy();
            server.waitFor();
        }
        Process reconcile = new ProcessBuilder("java", "-jar", jar(), "reconcile-evidence").directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(folder.resolve("reconcile.log").toFile()).start();
        assertTrue(reconcile.waitFor(NO_ANSWER.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, reconcile.exitValue(), Files.readString(folder.resolve("reconcile.log")));
    }

    private Process start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar()).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("server.log").toFile()));
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("APP_BOOTSTRAP_ADMIN_USERNAME", "crash.admin");
        builder.environment().put("APP_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        Process server = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return server;
                }
            } catch (IOException notYet) {
                // still starting
            }
            assertTrue(server.isAlive() && System.nanoTime() < deadline, "the server did not start; see " + folder.resolve("server.log"));
            Thread.sleep(100);
        }
    }

    private static String jar() {
        return new File(System.getProperty("app.jar", "target/competency-backend-0.1.0.jar")).getAbsolutePath();
    }

    private HttpResponse<String> submit(long enrollment, String token, byte[] content) throws Exception {
        String boundary = "----crash" + System.nanoTime();
        String metadata = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                + "{\"method\":\"OBSERVATION\",\"title\":\"當機演練\",\"indicators\":[\"KPS5294-001v4:P2.3.1\",\"KPS5294-001v4:P2.3.2\","
                + "\"KPS5294-001v4:P2.3.3\",\"KPS5294-001v4:P2.3.4\"]}\r\n";
        byte[] head = metadata.getBytes(StandardCharsets.UTF_8);
        byte[] filePart = content.length == 0 ? new byte[0]
                : ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"crash.pdf\"\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = content.length == 0 ? new byte[0] : withPdfHead(content);
        byte[] tail = ((content.length == 0 ? "" : "\r\n") + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + filePart.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(filePart, 0, body, head.length, filePart.length);
        System.arraycopy(file, 0, body, head.length + filePart.length, file.length);
        System.arraycopy(tail, 0, body, head.length + filePart.length + file.length, tail.length);
        return http.send(request("/api/enrollments/" + enrollment + "/evidence", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] withPdfHead(byte[] content) {
        byte[] pdf = content.clone();
        byte[] magic = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, pdf, 0, Math.min(magic.length, pdf.length));
        return pdf;
    }

    private void createUser(String admin, String username, String role) throws Exception {
        send("POST", "/api/users", admin, "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"email\":\"" + username
                + "@example.org\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"" + role + "\"]}");
    }

    private String login(String username) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return (String) map(answer.body()).get("access_token");
    }

    private String send(String method, String path, String token, String json) throws Exception {
        HttpResponse<String> answer = http.send(request(path, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() < 300, path + " answered " + answer.statusCode() + ": " + answer.body());
        return answer.body();
    }

    private String get(String path, String token) throws Exception {
        HttpResponse<String> answer = http.send(request(path, token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return answer.body();
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(NO_ANSWER).header("Authorization", "Bearer " + token);
    }

    private static Map<String, Object> map(String json) throws IOException {
        return JSON.readValue(json, Argument.mapOf(String.class, Object.class));
    }

    private static long id(String json) throws IOException {
        return ((Number) map(json).get("id")).longValue();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
