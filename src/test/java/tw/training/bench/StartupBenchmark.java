package tw.training.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Cold start to first answer of the packaged jar on the embedded default: the time from launching
 * {@code java -jar} until the server first answers an HTTP request (the seeds are imported before it listens),
 * and until the bootstrap administrator has signed in ({@code POST /login}, an Argon2id check) and
 * {@code GET /api/standards} has answered 200 with the five seeds. "First start" runs in an empty folder
 * (migrations, seed imports and the administrator's creation included); "restart" runs again on the data it left.
 * <p>
 * README's command 1 (with the class archive the build writes) and the same without the archive are measured
 * alternately, so that both figures come from one run on the same machine.
 * <p>
 * {@code mvn -q -DskipTests package && java -cp target/test-classes tw.training.bench.StartupBenchmark [runs]}
 */
public final class StartupBenchmark {

    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jar = Path.of("target/competency-backend-0.1.0.jar").toAbsolutePath();
        Path archive = Path.of("target/competency-backend-0.1.0.jsa").toAbsolutePath();
        if (!Files.exists(jar) || !Files.exists(archive)) {
            throw new IllegalStateException("build the jar and its class archive first: mvn -q -DskipTests package");
        }
        // README's command 1, and the same without the class archive, alternately: both measured in one run
        List<List<String>> commands = List.of(
                List.of("java", "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString()),
                List.of("java", "-jar", jar.toString()));
        List<List<List<Long>>> figures = new ArrayList<>();
        for (int command = 0; command < commands.size(); command++) {
            figures.add(List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        }
        for (int run = 0; run < runs; run++) {
            for (int command = 0; command < commands.size(); command++) {
                Path folder = Files.createTempDirectory("startup-bench");
                long[] cold = timeToFirstAnswer(commands.get(command), folder);
                long[] warm = timeToFirstAnswer(commands.get(command), folder);
                List<List<Long>> into = figures.get(command);
                into.get(0).add(cold[0]);
                into.get(1).add(cold[1]);
                into.get(2).add(warm[0]);
                into.get(3).add(warm[1]);
            }
        }
        System.out.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + runs + " runs");
        for (int command = 0; command < commands.size(); command++) {
            List<List<Long>> of = figures.get(command);
            System.out.println(command == 0 ? "README's command 1 (with the class archive):" : "without the class archive:");
            System.out.println("  first start (empty ./data), first HTTP answer:   " + summary(of.get(0)));
            System.out.println("  first start, signed in and seeds listed:         " + summary(of.get(1)));
            System.out.println("  restart (existing ./data), first HTTP answer:    " + summary(of.get(2)));
            System.out.println("  restart, signed in and seeds listed:             " + summary(of.get(3)));
        }
    }

    /** Milliseconds to the first HTTP answer of any kind, and to a signed-in listing of the seeds. */
    private static long[] timeToFirstAnswer(List<String> command, Path folder) throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(new File(folder.toFile(), "server.log"));
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("APP_BOOTSTRAP_ADMIN_USERNAME", "bench.admin");
        builder.environment().put("APP_BOOTSTRAP_ADMIN_PASSWORD", "benchmark password");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench.admin\",\"password\":\"benchmark password\"}")).build();
        long started = System.nanoTime();
        Process server = builder.start();
        long answered = -1;
        try {
            while (System.nanoTime() - started < GIVE_UP.toNanos()) {
                try {
                    HttpResponse<String> signedIn = client.send(login, HttpResponse.BodyHandlers.ofString());
                    if (answered < 0) {
                        answered = (System.nanoTime() - started) / 1_000_000;
                    }
                    if (signedIn.statusCode() == 200) {
                        String token = signedIn.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/standards")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200 && response.body().contains("KMM5R0915v2")) {
                            return new long[] {answered, (System.nanoTime() - started) / 1_000_000};
                        }
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("no answer within " + GIVE_UP + "; see " + folder.resolve("server.log"));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return "median " + sorted.get(sorted.size() / 2) + " ms, min " + sorted.get(0) + " ms, max "
                + sorted.get(sorted.size() - 1) + " ms " + millis;
    }
}
