package tw.training.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Issue 5's figures, against the packaged jar started with its heap capped at 256 MiB on the embedded default:
 * (1) uploading one file of 1 GiB as evidence, beside a plain {@code cp} of the same file on the same disk;
 * (2) the rate of batch judgements ({@code POST /api/courses/{id}/judgements}, 4,000 at a time).
 * <p>
 * {@code mvn -q -DskipTests package && java -cp target/test-classes tw.training.bench.EvidenceBenchmark [MiB]}
 */
public final class EvidenceBenchmark {

    private EvidenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int mebibytes = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        try (UploadServer server = UploadServer.start("evidence-bench", mebibytes)) {
            String base = server.base();
            Path file = server.folder().resolve("big.pdf");
            writeFile(file, mebibytes);
            // alternate the two, each starting from flushed disks, and compare medians: this disk's speed varies
            List<Double> cps = new ArrayList<>();
            List<Double> uploads = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                cps.add(copySeconds(file, server.folder().resolve("big.copy")));
                uploads.add(uploadSeconds(base, server.learner(), server.enrollment(), file));
                System.out.printf("round %d: cp %.2f s, upload %.2f s%n", round + 1, cps.get(round), uploads.get(round));
            }
            Collections.sort(cps);
            Collections.sort(uploads);
            double cpSeconds = cps.get(1);
            double uploadSeconds = uploads.get(1);
            double curlSeconds = curlSeconds(base, server.learner(), server.enrollment(), file);
            double mib = mebibytes;
            System.out.printf("java %s, %d cores; server heap capped at 256 MiB (-Xmx256m)%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("cp of %d MiB, median of 3: %.2f s = %.0f MiB/s%n", mebibytes, cpSeconds, mib / cpSeconds);
            System.out.printf("upload of %d MiB as evidence (201, size and SHA-256 checked), median of 3: %.2f s = %.0f MiB/s = %.0f%% of cp%n", mebibytes,
                    uploadSeconds, mib / uploadSeconds, 100 * cpSeconds / uploadSeconds);
            if (curlSeconds > 0) {
                System.out.printf("the same upload sent by curl: %.2f s = %.0f MiB/s = %.0f%% of cp%n", curlSeconds, mib / curlSeconds,
                        100 * cpSeconds / curlSeconds);
            }
            Files.deleteIfExists(file);

            judgementRate(base, server.learner(), server.trainer(), server.enrollment(), server.course());
        }
    }

    private static void judgementRate(String base, String learner, String trainer, long enrollment, long course) throws Exception {
        String[] indicators = {"KPS5294-001v4:P2.3.1", "KPS5294-001v4:P2.3.2", "KPS5294-001v4:P2.3.3", "KPS5294-001v4:P2.3.4"};
        List<Long> evidence = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String metadata = "{\"method\":\"OBSERVATION\",\"title\":\"觀察 " + i + "\",\"indicators\":[\"" + String.join("\",\"", indicators) + "\"]}";
            evidence.add(Api.id(multipart(base + "/api/enrollments/" + enrollment + "/evidence", learner, metadata, null)));
        }
        List<Double> perJudgement = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            StringBuilder batch = new StringBuilder("[");
            int count = 0;
            for (int repeat = 0; repeat < 4; repeat++) {
                for (long id : evidence) {
                    for (String indicator : indicators) {
                        batch.append(count++ == 0 ? "" : ",").append("{\"evidenceId\":").append(id).append(",\"indicator\":\"")
                                .append(indicator).append("\",\"outcome\":\"").append((id + repeat) % 3 == 0 ? "NOT_YET" : "MET")
                                .append("\",\"comment\":\"第 ").append(repeat).append(" 次\"}");
                    }
                }
            }
            batch.append(']');
            long started = System.nanoTime();
            String answer = Api.post(base + "/api/courses/" + course + "/judgements", trainer, batch.toString());
            double millis = (System.nanoTime() - started) / 1e6;
            if (!answer.contains("\"recorded\":" + count)) {
                throw new IllegalStateException("batch not recorded: " + answer);
            }
            perJudgement.add(millis / count);
            System.out.printf("batch %d: %d judgements in %.0f ms = %.3f ms per judgement%n", round + 1, count, millis, millis / count);
        }
        Collections.sort(perJudgement);
        System.out.printf("batch judgements, median of 5 batches: %.3f ms per judgement%n", perJudgement.get(2));
    }

    private static double copySeconds(Path file, Path copy) throws Exception {
        new ProcessBuilder("sync").start().waitFor();
        long started = System.nanoTime();
        Process cp = new ProcessBuilder("cp", file.toString(), copy.toString()).inheritIO().start();
        if (cp.waitFor() != 0) {
            throw new IllegalStateException("cp failed");
        }
        new ProcessBuilder("sync").start().waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        Files.delete(copy);
        return seconds;
    }

    private static double uploadSeconds(String base, String token, long enrollment, Path file) throws Exception {
        String metadata = "{\"method\":\"OBSERVATION\",\"title\":\"大型檔案\",\"indicators\":[\"KPS5294-001v4:P2.3.1\"]}";
        new ProcessBuilder("sync").start().waitFor();
        long started = System.nanoTime();
        String answer = multipart(base + "/api/enrollments/" + enrollment + "/evidence", token, metadata, file);
        new ProcessBuilder("sync").start().waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!answer.contains("\"size\":" + Files.size(file)) || !answer.contains("\"sha256\":\"" + sha256(file) + "\"")) {
            throw new IllegalStateException("upload not stored byte for byte: " + answer);
        }
        return seconds;
    }

    static String sha256(Path file) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** The same upload sent by curl, where curl is installed: a client that costs the server's core nothing. */
    private static double curlSeconds(String base, String token, long enrollment, Path file) throws Exception {
        String metadata = "{\"method\":\"OBSERVATION\",\"title\":\"curl\",\"indicators\":[\"KPS5294-001v4:P2.3.1\"]}";
        long started = System.nanoTime();
        Process curl;
        try {
            curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Authorization: Bearer " + token,
                    "-F", "metadata=" + metadata, "-F", "file=@" + file + ";type=application/pdf",
                    base + "/api/enrollments/" + enrollment + "/evidence").start();
        } catch (IOException noCurl) {
            return -1;
        }
        String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        curl.waitFor();
        new ProcessBuilder("sync").start().waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!"201".equals(status)) {
            throw new IllegalStateException("curl upload answered " + status);
        }
        return seconds;
    }

    private static String multipart(String url, String token, String metadata, Path file) throws Exception {
        return multipart(url, token, metadata, file, false);
    }

    /**
     * A multipart request streamed from disk: the client never holds the file in memory either. With
     * {@code metadataLast}, the file part comes first and the metadata after it.
     */
    static String multipart(String url, String token, String metadata, Path file, boolean metadataLast) throws Exception {
        String boundary = "----bench" + System.nanoTime();
        String metadataPart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n" + metadata + "\r\n";
        String filePart = file == null ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"大型檔案.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        byte[] start = (metadataLast ? filePart : metadataPart + filePart).getBytes(StandardCharsets.UTF_8);
        byte[] end = ((file == null ? "" : "\r\n") + (metadataLast ? metadataPart : "") + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = start.length + end.length + (file == null ? 0 : Files.size(file));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        InputStream content = file == null ? InputStream.nullInputStream() : Files.newInputStream(file);
                        return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(start), content),
                                new ByteArrayInputStream(end));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }), length)).build();
        HttpResponse<String> response = Api.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static void writeFile(Path file, int mebibytes) throws IOException {
        byte[] block = new byte[1024 * 1024];
        new Random(42).nextBytes(block);
        byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(pdf, 0, block, 0, pdf.length);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mebibytes; i++) {
                out.write(block);
            }
        }
    }


}
