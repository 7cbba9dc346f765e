package tw.training.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged jar started on its embedded default in a folder of its own, with its heap capped at 256 MiB and
 * its upload limits raised to the file size a benchmark sends, and a learner enrolled in a published course
 * (KPS5294-001v4 T2.3, observed) to send it.
 */
record UploadServer(Process process, Path folder, String base, String trainer, String learner, long course, long enrollment)
        implements AutoCloseable {

    private static final String ADMIN = "bench.admin";
    private static final String PASSWORD = "benchmark passphrase";

    static UploadServer start(String name, int mebibytes, String... jvmOptions) throws Exception {
        Path jar = Path.of("target/competency-backend-0.1.0.jar").toAbsolutePath();
        Path folder = Files.createTempDirectory(Path.of("target"), name).toAbsolutePath();
        int port = Api.freePort();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m"));
        for (String option : jvmOptions) {
            command.add(option.replace("{folder}", folder.toString()));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(new File(folder.toFile(), "server.log"));
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("APP_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("APP_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("APP_EVIDENCE_MAX_FILE_SIZE", (mebibytes + 1) + "MB");
        builder.environment().put("APP_EVIDENCE_MAX_REQUEST_SIZE", (mebibytes + 10) + "MB");
        Process server = builder.start();
        String base = "http://127.0.0.1:" + port;
        try {
            Api.waitForServer(base, Duration.ofSeconds(90));
            String admin = Api.login(base, ADMIN, PASSWORD);
            Api.post(base + "/api/users", admin, user("bench.trainer", "TRAINER"));
            Api.post(base + "/api/users", admin, user("bench.learner", "LEARNER"));
            String trainer = Api.login(base, "bench.trainer", PASSWORD);
            String learner = Api.login(base, "bench.learner", PASSWORD);
            long course = Api.id(Api.post(base + "/api/courses", trainer, "{\"code\":\"BENCH\",\"title\":\"基準\",\"hours\":8}"));
            Api.post(base + "/api/courses/" + course + "/alignments", trainer,
                    "{\"standardCode\":\"KPS5294-001v4\",\"taskCode\":\"T2.3\",\"methods\":[\"OBSERVATION\"]}");
            Api.post(base + "/api/courses/" + course + "/publish", trainer, "{}");
            long enrollment = Api.id(Api.post(base + "/api/courses/" + course + "/enrollments", trainer, "{\"username\":\"bench.learner\"}"));
            return new UploadServer(server, folder, base, trainer, learner, course, enrollment);
        } catch (Exception | Error e) {
            server.destroy();
            throw e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
        System.out.println("server log: " + folder.resolve("server.log"));
    }

    private static String user(String username, String role) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"email\":\"" + username
                + "@example.org\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"" + role + "\"]}";
    }
}
