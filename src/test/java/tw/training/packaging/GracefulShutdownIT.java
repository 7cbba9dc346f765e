package tw.training.packaging;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tw.training.packaging.JarServer.NO_ANSWER;

/**
 * Stopping the packaged jar (SIGTERM, as an orchestrator does) while an upload is arriving lets the upload finish:
 * it is answered 201 and downloads whole after a restart; the process exits of itself within the grace period.
 */
class GracefulShutdownIT {

    @Test
    @SuppressWarnings("unchecked")
    void anUploadInFlightFinishesWhenTheServerIsStopped() throws Exception {
        JarServer server = new JarServer("shutdown");
        server.start();
        String admin = server.login("jar.admin");
        server.createUser(admin, "stop.trainer", "TRAINER");
        server.createUser(admin, "stop.learner", "LEARNER");
        long enrollment = server.enrollment(server.login("stop.trainer"), "stop.learner", "STOP");
        String learner = server.login("stop.learner");
        byte[] pdf = JarServer.pdf(new Random(7), 4 * 1024 * 1024);
        JarServer.Multipart body = JarServer.evidence(pdf);
        CompletableFuture<Void> halfSent = new CompletableFuture<>();

        CompletableFuture<HttpResponse<String>> upload = server.http.sendAsync(server.request("/api/enrollments/" + enrollment + "/evidence", learner)
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofInputStream(() -> slow(body.body(), halfSent))).build(),
                HttpResponse.BodyHandlers.ofString());
        halfSent.get(NO_ANSWER.toSeconds(), TimeUnit.SECONDS);
        server.process().destroy();

        HttpResponse<String> answer = upload.get(NO_ANSWER.toSeconds(), TimeUnit.SECONDS);
        assertEquals(201, answer.statusCode(), answer.body());
        assertTrue(server.process().waitFor(NO_ANSWER.toSeconds(), TimeUnit.SECONDS), "the server exits of itself once the upload is done");
        server.start();
        try {
            Map<String, Object> evidence = JarServer.map(answer.body());
            Map<String, Object> file = ((java.util.List<Map<String, Object>>) evidence.get("files")).get(0);
            HttpResponse<byte[]> bytes = server.http.send(server.request("/api/evidence/" + evidence.get("id") + "/files/" + file.get("id"), learner)
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(CrashIT.sha256(pdf), CrashIT.sha256(bytes.body()));
        } finally {
            server.process().destroy();
            server.process().waitFor();
        }
        String log = Files.readString(server.log());
        assertTrue(log.contains("Imported "));
        // two stops, the first mid-upload: nothing of the shutdown found the database already closed under it
        assertEquals(java.util.List.of(), log.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList());
    }

    /** The body in pieces with pauses, announcing when half of it has gone: an upload on a slow line. */
    private static InputStream slow(byte[] body, CompletableFuture<Void> halfSent) {
        return new ByteArrayInputStream(body) {
            private int sent;

            @Override
            public synchronized int read(byte[] into, int offset, int length) {
                if (sent >= body.length / 2) {
                    halfSent.complete(null);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                int read = super.read(into, offset, Math.min(length, 64 * 1024));
                sent += Math.max(read, 0);
                return read;
            }
        };
    }
}
