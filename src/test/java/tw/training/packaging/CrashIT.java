package tw.training.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.MessageDigest;
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
import static tw.training.packaging.JarServer.NO_ANSWER;
import static tw.training.packaging.JarServer.id;
import static tw.training.packaging.JarServer.map;

/**
 * The packaged jar killed ({@code kill -9}) while uploads and judgements are in flight, then started again on
 * the same folder: every upload it acknowledged downloads with its SHA-256, every judgement it acknowledged is
 * there, and the store and the database agree ({@code reconcile-evidence}: no file without its row, no row
 * without its file). Readiness answers only once migrations and the seed import are done.
 */
class CrashIT {

    @Test
    @SuppressWarnings("unchecked")
    void whatTheServerAcknowledgedSurvivesAKill() throws Exception {
        JarServer server = new JarServer("crash");
        server.start();
        // readiness answered only once the start was complete: the five seeds were imported before it
        assertEquals(5, Files.readString(server.log()).lines().filter(line -> line.contains("Imported ")).count(), Files.readString(server.log()));
        String admin = server.login("jar.admin");
        server.createUser(admin, "crash.trainer", "TRAINER");
        server.createUser(admin, "crash.learner", "LEARNER");
        String trainer = server.login("crash.trainer");
        String learner = server.login("crash.learner");
        long enrollment = server.enrollment(trainer, "crash.learner", "CRASH");
        long judged = id(submit(server, enrollment, learner, null).body());

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
                            byte[] file = JarServer.pdf(random, 256 * 1024 + random.nextInt(1024 * 1024));
                            HttpResponse<String> answer = submit(server, enrollment, learner, file);
                            if (answer.statusCode() == 201) {
                                uploads.put(id(answer.body()), sha256(file));
                            }
                        } else {
                            HttpResponse<String> answer = server.http.send(server.request("/api/evidence/" + judged + "/judgements", trainer)
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
        server.process().destroyForcibly().waitFor();
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(NO_ANSWER.toSeconds(), TimeUnit.SECONDS));

        server.start();
        try {
            for (Map.Entry<Long, String> upload : uploads.entrySet()) {
                Map<String, Object> evidence = map(server.get("/api/evidence/" + upload.getKey(), learner));
                Map<String, Object> file = ((List<Map<String, Object>>) evidence.get("files")).get(0);
                HttpResponse<byte[]> bytes = server.http.send(server.request("/api/evidence/" + upload.getKey() + "/files/" + file.get("id"), learner)
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, bytes.statusCode());
                assertEquals(upload.getValue(), sha256(bytes.body()), "evidence " + upload.getKey());
            }
            List<Object> stored = new ArrayList<>();
            for (Map<String, Object> judgement : (List<Map<String, Object>>) map(server.get("/api/evidence/" + judged, trainer)).get("judgements")) {
                stored.add(((Number) judgement.get("id")).longValue());
            }
            assertTrue(stored.containsAll(judgements.keySet()), "every acknowledged judgement is stored");
            System.out.printf("acknowledged before the kill: %d uploads, %d judgements; all there after the restart%n", uploads.size(), judgements.size());
        } finally {
            server.process().destroy();
            server.process().waitFor();
        }
        Process reconcile = new ProcessBuilder("java", "-jar", JarServer.jar(), "reconcile-evidence").directory(server.folder.toFile())
                .redirectErrorStream(true).redirectOutput(server.folder.resolve("reconcile.log").toFile()).start();
        assertTrue(reconcile.waitFor(NO_ANSWER.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, reconcile.exitValue(), Files.readString(server.folder.resolve("reconcile.log")));
    }

    private static HttpResponse<String> submit(JarServer server, long enrollment, String token, byte[] pdf) throws Exception {
        JarServer.Multipart body = JarServer.evidence(pdf);
        return server.http.send(server.request("/api/enrollments/" + enrollment + "/evidence", token).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
