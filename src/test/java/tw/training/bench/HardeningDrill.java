package tw.training.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 12's drill figures, against the packaged jar on its embedded default with the heap capped at 256 MiB:
 * (1) the heap's peak while a file of the given size is uploaded with its metadata part last, read from the
 * server's GC log; (2) {@code /health}'s answer times while catalogue imports of hostile documents at the size
 * limit (1 MiB, markup in every cell) run back to back, beside its times with nothing else running.
 * <p>
 * {@code mvn -q -DskipTests package && java -cp target/test-classes tw.training.bench.HardeningDrill [MiB]}
 */
public final class HardeningDrill {

    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private HardeningDrill() {
    }

    public static void main(String[] args) throws Exception {
        int mebibytes = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        try (UploadServer server = UploadServer.start("hardening-drill", mebibytes, "-Xlog:gc:file={folder}/gc.log")) {
            uploadWithMetadataLast(server.base(), server.learner(), server.enrollment(), server.folder(), mebibytes);
            healthDuringImports(server.base(), server.trainer());
            if (Files.readString(server.folder().resolve("server.log")).contains("OutOfMemoryError")) {
                System.out.println("the server log names an OutOfMemoryError");
            }
        }
    }

    private static void uploadWithMetadataLast(String base, String learner, long enrollment, Path folder, int mebibytes) throws Exception {
        Path file = folder.resolve("big.pdf");
        EvidenceBenchmark.writeFile(file, mebibytes);
        String metadata = "{\"method\":\"OBSERVATION\",\"title\":\"檔案在前\",\"indicators\":[\"KPS5294-001v4:P2.3.1\"]}";
        long started = System.nanoTime();
        String answer = EvidenceBenchmark.multipart(base + "/api/enrollments/" + enrollment + "/evidence", learner, metadata, file, true);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!answer.contains("\"sha256\":\"" + EvidenceBenchmark.sha256(file) + "\"")) {
            throw new IllegalStateException("upload not stored byte for byte: " + answer);
        }
        Files.delete(file);
        int peak = 0;
        int capacity = 0;
        for (String line : Files.readAllLines(folder.resolve("gc.log"))) {
            Matcher heap = GC_HEAP.matcher(line);
            if (heap.find()) {
                peak = Math.max(peak, Integer.parseInt(heap.group(1)));
                capacity = Math.max(capacity, Integer.parseInt(heap.group(3)));
            }
        }
        System.out.printf("upload of %d MiB with the metadata part last: 201 in %.2f s (%.0f MiB/s), SHA-256 checked%n",
                mebibytes, seconds, mebibytes / seconds);
        System.out.printf("server heap peak over the whole run so far (GC log, heap before each collection): %d MiB of at most %d MiB (-Xmx256m)%n",
                peak, capacity);
    }

    private static void healthDuringImports(String base, String trainer) throws Exception {
        String document = Files.readString(Path.of("src/test/resources/documents/standard-front-desk.txt"));
        List<Double> quiet = healthTimes(base, 50);
        List<Double> imports = new ArrayList<>();
        List<Double> busy = new ArrayList<>();
        CompletableFuture<Void> importing = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 10; i++) {
                String code = "DRL" + (1000 + i) + "-001v1";
                String hostile = document.replace("TSA4224-001v2", code);
                int room = 1024 * 1024 - hostile.getBytes(StandardCharsets.UTF_8).length - 16;
                hostile = hostile.replaceFirst("P1\\.1\\.1 ", "P1.1.1 " + "<ol>".repeat(room / 8) + "<u>字</u> ".repeat(room / 32));
                long started = System.nanoTime();
                try {
                    HttpResponse<String> answer = Api.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/standards"))
                            .header("Authorization", "Bearer " + trainer).header("Content-Type", "text/plain; charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(hostile)).build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 201) {
                        throw new IllegalStateException("import answered " + answer.statusCode() + ": " + answer.body());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                imports.add((System.nanoTime() - started) / 1e6);
            }
        });
        while (!importing.isDone()) {
            busy.addAll(healthTimes(base, 1));
            Thread.sleep(20);
        }
        importing.join();
        System.out.printf("hostile import of 1 MiB (markup in every cell), 10 in a row: median %.0f ms, max %.0f ms%n",
                Api.median(imports), Collections.max(imports));
        System.out.printf("/health alone, 50 requests: median %.1f ms, max %.1f ms%n", Api.median(quiet), Collections.max(quiet));
        System.out.printf("/health while the imports run, %d requests: median %.1f ms, max %.1f ms%n", busy.size(),
                Api.median(busy), Collections.max(busy));
    }

    private static List<Double> healthTimes(String base, int count) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = Api.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("/health answered " + answer.statusCode());
            }
            times.add((System.nanoTime() - started) / 1e6);
        }
        return times;
    }
}
