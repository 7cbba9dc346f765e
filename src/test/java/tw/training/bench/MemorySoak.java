package tw.training.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 29, point 9: the resident memory of the packaged jar through a soak of whole journeys, started with the JVM
 * options and environment README advises (or {@code -DserverJvm="…"}, {@code -DserverEnv="NAME=value …"}), on the embedded
 * default, and says whether the peak stays within README's container limit (exit 1 when it does not). A journey: a trainer and a learner
 * created, a course aligned, published and enrolled in, a 5 MB evidence upload, four judgements, the certificate issued,
 * its PDF, its credential, the course's certification report PDF, and the evidence downloaded. Journeys run
 * {@code concurrency} at a time. Resident memory (VmRSS) is sampled every 100 ms; the peak is the kernel's own high-water
 * mark (VmHWM). At the end Native Memory Tracking's summary says where the memory went.
 * <p>
 * {@code mvn -q -DskipTests package && java -cp target/test-classes tw.training.bench.MemorySoak [journeys] [concurrency]}
 */
public final class MemorySoak {

    /** README's advice: the JVM options of "Memory", and the container limit it gives for them. */
    static final String ADVISED = "-Xmx384m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m"
            + " -Xss512k";
    /** None: MALLOC_ARENA_MAX=2, the usual advice for glibc, changed nothing measurable here (README). */
    static final String ADVISED_ENVIRONMENT = "";
    static final long LIMIT_MIB = 768;
    private static final String ADMIN = "soak.admin";
    private static final String PASSWORD = "soak passphrase 2026";
    private static final int EVIDENCE_BYTES = 5 * 1024 * 1024;

    private MemorySoak() {
    }

    public static void main(String[] args) throws Exception {
        int journeys = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String jvm = System.getProperty("serverJvm", ADVISED);
        String environment = System.getProperty("serverEnv", ADVISED_ENVIRONMENT);
        Path jar = Path.of("target/competency-backend-0.1.0.jar").toAbsolutePath();
        Path folder = Files.createTempDirectory(Path.of("target"), "memory-soak").toAbsolutePath();
        int port = Api.freePort();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(Arrays.asList(jvm.split("\\s+")));
        command.addAll(List.of("-XX:NativeMemoryTracking=summary", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(new File(folder.toFile(), "server.log"));
        for (String variable : environment.isBlank() ? new String[0] : environment.strip().split("\\s+")) {
            builder.environment().put(variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
        }
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("APP_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("APP_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        // two sign-ins a journey, from one address: the soak measures memory, not the sign-in limits
        builder.environment().put("APP_LOGIN_RATE_PER_SOURCE", "100000");
        builder.environment().put("APP_LOGIN_RATE_ALL", "100000");
        Process server = builder.start();
        String base = "http://127.0.0.1:" + port;
        AtomicLong sampledPeak = new AtomicLong();
        int exit = 1;
        Thread sampler = new Thread(() -> sample(server.pid(), sampledPeak), "rss-sampler");
        sampler.setDaemon(true);
        try {
            Api.waitForServer(base, java.time.Duration.ofSeconds(90));
            sampler.start();
            Thread.sleep(3000);
            long idle = status(server.pid(), "VmRSS");
            String admin = Api.login(base, ADMIN, PASSWORD);
            byte[] pdf = pdf(new Random(29));
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
                Thread thread = new Thread(runnable, "journey");
                thread.setDaemon(true);
                return thread;
            });
            List<Future<?>> done = new ArrayList<>();
            for (int journey = 1; journey <= journeys; journey++) {
                int number = journey;
                done.add(pool.submit(() -> {
                    journey(base, admin, number, pdf);
                    return null;
                }));
            }
            for (int i = 0; i < done.size(); i++) {
                done.get(i).get();
                if ((i + 1) % 10 == 0) {
                    System.out.printf("after %d journeys: RSS %d MiB%n", i + 1, status(server.pid(), "VmRSS") / 1024);
                }
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(5000);
            long after = status(server.pid(), "VmRSS");
            long peak = status(server.pid(), "VmHWM");
            System.out.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores; server: "
                    + (environment.isBlank() ? "" : environment + " ") + "java " + jvm);
            System.out.printf("%d journeys, %d at a time, in %.0f s%n", journeys, concurrency, seconds);
            System.out.printf("RSS idle after start %d MiB; 5 s after the last journey %d MiB; peak (VmHWM) %d MiB (sampled peak %d MiB)%n",
                    idle / 1024, after / 1024, peak / 1024, sampledPeak.get() / 1024);
            System.out.println(nativeMemory(server.pid()));
            System.out.printf("live heap after the soak (a full GC): %d MiB%n", liveHeap(server.pid()) / (1024 * 1024));
            boolean within = peak / 1024 <= LIMIT_MIB;
            System.out.printf("README's container limit for its advice: %d MiB; the peak is %s (%d%%)%n", LIMIT_MIB,
                    within ? "within it" : "ABOVE it", peak / 1024 * 100 / LIMIT_MIB);
            exit = within ? 0 : 1;
        } finally {
            server.destroy();
            server.waitFor();
            System.out.println("server log: " + folder.resolve("server.log"));
        }
        System.exit(exit);
    }

    private static void journey(String base, String admin, int number, byte[] pdf) throws Exception {
        String trainerName = "soak.trainer" + number;
        String learnerName = "soak.learner" + number;
        Api.post(base + "/api/users", admin, user(trainerName, "TRAINER"));
        Api.post(base + "/api/users", admin, user(learnerName, "LEARNER"));
        String trainer = Api.login(base, trainerName, PASSWORD);
        String learner = Api.login(base, learnerName, PASSWORD);
        long course = Api.id(Api.post(base + "/api/courses", trainer, "{\"code\":\"SOAK-" + number + "\",\"title\":\"客訴處理實務 " + number
                + "\",\"hours\":6}"));
        Api.post(base + "/api/courses/" + course + "/alignments", trainer,
                "{\"standardCode\":\"KPS5294-001v4\",\"taskCode\":\"T2.3\",\"methods\":[\"OBSERVATION\"]}");
        Api.post(base + "/api/courses/" + course + "/publish", trainer, "{}");
        long enrollment = Api.id(Api.post(base + "/api/courses/" + course + "/enrollments", trainer, "{\"username\":\"" + learnerName + "\"}"));
        String evidence = upload(base + "/api/enrollments/" + enrollment + "/evidence", learner, pdf);
        long evidenceId = Api.id(evidence);
        List<String> judgements = new ArrayList<>();
        for (String indicator : List.of("P2.3.1", "P2.3.2", "P2.3.3", "P2.3.4")) {
            judgements.add("{\"evidenceId\":" + evidenceId + ",\"indicator\":\"KPS5294-001v4:" + indicator + "\",\"outcome\":\"MET\"}");
        }
        Api.post(base + "/api/courses/" + course + "/judgements", trainer, "[" + String.join(",", judgements) + "]");
        String certificate = Api.post(base + "/api/enrollments/" + enrollment + "/certificate", admin, "{}");
        String certificateNumber = certificate.replaceAll("(?s).*\"number\":\"([^\"]+)\".*", "$1");
        fetch(base + "/api/certificates/" + certificateNumber, learner, "application/pdf");
        fetch(base + "/api/certificates/" + certificateNumber + "/credential", learner, "application/ld+json");
        fetch(base + "/api/reports/certification?courseId=" + course, admin, "application/pdf");
        long file = Long.parseLong(evidence.replaceAll("(?s).*\"files\":\\[\\{\"id\":(\\d+).*", "$1"));
        fetch(base + "/api/evidence/" + evidenceId + "/files/" + file, learner, "*/*");
    }

    private static String upload(String url, String token, byte[] pdf) throws Exception {
        String boundary = "----soak" + System.nanoTime();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                + "{\"method\":\"OBSERVATION\",\"title\":\"演練\",\"indicators\":[\"KPS5294-001v4:P2.3.1\",\"KPS5294-001v4:P2.3.2\","
                + "\"KPS5294-001v4:P2.3.3\",\"KPS5294-001v4:P2.3.4\"]}\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"drill.pdf\"\r\nContent-Type: application/pdf\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + pdf.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(pdf, 0, body, start.length, pdf.length);
        System.arraycopy(end, 0, body, start.length + pdf.length, end.length);
        HttpResponse<String> answer = Api.HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static void fetch(String url, String token, String accept) throws Exception {
        HttpResponse<Void> answer = Api.HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode());
        }
    }

    private static byte[] pdf(Random random) {
        byte[] pdf = new byte[EVIDENCE_BYTES];
        random.nextBytes(pdf);
        byte[] magic = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, pdf, 0, magic.length);
        return pdf;
    }

    private static void sample(long pid, AtomicLong peak) {
        while (true) {
            try {
                peak.accumulateAndGet(status(pid, "VmRSS"), Math::max);
                Thread.sleep(100);
            } catch (Exception gone) {
                return;
            }
        }
    }

    /** A field of /proc/PID/status, in KiB. */
    static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new IllegalStateException("no " + field + " for " + pid);
    }

    private static String nativeMemory(long pid) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), "VM.native_memory", "summary", "scale=MB").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        StringBuilder summary = new StringBuilder("Native Memory Tracking (committed, MB):\n");
        for (String line : out.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Total:") || trimmed.startsWith("-") && trimmed.contains("(reserved=")) {
                summary.append("  ").append(trimmed.replaceAll("\\s+", " ")).append('\n');
            }
        }
        return summary.toString();
    }

    /** The bytes the heap holds after a full collection, which the class histogram forces. */
    private static long liveHeap(long pid) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.class_histogram").redirectErrorStream(true).start();
        List<String> lines = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        jcmd.waitFor();
        String total = lines.stream().filter(line -> line.startsWith("Total")).findFirst().orElseThrow();
        String[] fields = total.strip().split("\\s+");
        return Long.parseLong(fields[fields.length - 1]);
    }

    private static String user(String username, String role) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"email\":\"" + username
                + "@example.org\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"" + role + "\"]}";
    }
}
