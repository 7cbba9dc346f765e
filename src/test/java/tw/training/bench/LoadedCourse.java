package tw.training.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A course on THM2431-001v1 (50 indicators, OBSERVATION) with {@code learners} enrolled learners, each with
 * 5 pieces of evidence judged on every indicator (every fifth learner's latest word on one indicator is
 * NOT_YET), bulk-loaded with COPY into an embedded PostgreSQL behind the packaged jar, then progress derived
 * with the jar's {@code rebuild-progress} command, as an operator would after a bulk load.
 */
final class LoadedCourse implements AutoCloseable {

    static final String PASSWORD = "benchmark password";
    /** THM2431-001v1 without T4.2: 50 indicators. */
    private static final List<String> TASKS = List.of("T1.1", "T1.2", "T2.1", "T2.2", "T3.1", "T3.2", "T3.3", "T4.1", "T5.1", "T5.2",
            "T5.3", "T5.4");
    private static final int EVIDENCE_PER_LEARNER = 5;

    private final EmbeddedPostgres postgres;
    private final Process server;
    private final Path folder;
    private final String base;
    private String admin;
    private String trainer;
    private long course;

    private LoadedCourse(EmbeddedPostgres postgres, Process server, Path folder, String base) {
        this.postgres = postgres;
        this.server = server;
        this.folder = folder;
        this.base = base;
    }

    static LoadedCourse start(int learners, String name) throws Exception {
        return start(learners, name, Map.of());
    }

    /** @param environment the server's own settings besides the benchmark's (e.g. a looser sign-in rate) */
    static LoadedCourse start(int learners, String name, Map<String, String> environment) throws Exception {
        return start(learners, name, environment, Map.of());
    }

    /** @param serverConfig PostgreSQL's own settings (e.g. a statement log, {@link WritePath}) */
    static LoadedCourse start(int learners, String name, Map<String, String> environment, Map<String, String> serverConfig) throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), name).toAbsolutePath();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setOverrideWorkingDirectory(folder.resolve("pg").toFile())
                .setPGStartupWait(Duration.ofSeconds(30));
        serverConfig.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE bench");
        }
        int port = Api.freePort();
        LoadedCourse loaded = new LoadedCourse(postgres, startServer(folder, port, postgres.getJdbcUrl("postgres", "bench"), environment), folder,
                "http://127.0.0.1:" + port);
        try {
            loaded.fill(learners);
        } catch (Exception e) {
            loaded.close();
            throw e;
        }
        return loaded;
    }

    private void fill(int learners) throws Exception {
        Api.waitForServer(base, Duration.ofSeconds(90));
        admin = Api.login(base, "bench.admin", PASSWORD);
        Api.post(base + "/api/users", admin, "{\"username\":\"bench.trainer\",\"displayName\":\"講師\",\"email\":\"t@example.org\",\"password\":\""
                + PASSWORD + "\",\"roles\":[\"TRAINER\"]}");
        trainer = Api.login(base, "bench.trainer", PASSWORD);
        course = Api.id(Api.post(base + "/api/courses", trainer, "{\"code\":\"BENCH\",\"title\":\"基準課程\",\"hours\":40}"));
        for (String task : TASKS) {
            Api.post(base + "/api/courses/" + course + "/alignments", trainer,
                    "{\"standardCode\":\"THM2431-001v1\",\"taskCode\":\"" + task + "\",\"methods\":[\"OBSERVATION\"]}");
        }
        Api.post(base + "/api/courses/" + course + "/publish", trainer, "{}");

        long loadStarted = System.nanoTime();
        try (Connection connection = connection()) {
            load(connection, course, learners);
        }
        System.out.printf("loaded %,d learners, %,d evidence, %,d judgements in %.0f s%n", learners, learners * EVIDENCE_PER_LEARNER,
                (long) learners * EVIDENCE_PER_LEARNER * 50, (System.nanoTime() - loadStarted) / 1e9);

        // the load wrote around the server: derive progress from the judgements as an operator would
        long rebuildStarted = System.nanoTime();
        rebuildProgress(folder, postgres.getJdbcUrl("postgres", "bench"));
        System.out.printf("rebuild-progress over all judgements: %.1f s%n", (System.nanoTime() - rebuildStarted) / 1e9);
        // as after any bulk load: fresh statistics, or the planner guesses at the tables the rebuild just filled; and the
        // visibility maps autovacuum sets on tables this size soon after (index-only reads as in service, not at its whim mid-run)
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    /** A fresh connection to the benchmark's database, outside the server. */
    Connection connection() throws Exception {
        return postgres.getDatabase("postgres", "bench").getConnection();
    }

    String base() {
        return base;
    }

    String admin() {
        return admin;
    }

    String trainer() {
        return trainer;
    }

    long course() {
        return course;
    }

    /** Stops the server, leaving its database running (for a replay of what it wrote, {@link WritePath}). */
    void stopServer() throws InterruptedException {
        server.destroy();
        server.waitFor();
    }

    @Override
    public void close() throws Exception {
        stopServer();
        System.out.println("server log: " + folder.resolve("server.log"));
        postgres.close();
    }

    /** Learners, enrollments, evidence, claims and judgements, streamed into COPY. */
    static void load(Connection connection, long course, int learners) throws Exception {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long trainerId;
        long revisionId;
        String hash;
        List<Long> indicators = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT user_id, password_hash FROM app_user WHERE username = 'bench.trainer'")) {
                row.next();
                trainerId = row.getLong(1);
                hash = row.getString(2);
            }
            try (ResultSet row = statement.executeQuery("SELECT revision_id FROM course_revision WHERE course_id = " + course)) {
                row.next();
                revisionId = row.getLong(1);
            }
            try (ResultSet rows = statement.executeQuery("SELECT indicator_id FROM plan_indicator WHERE revision_id = " + revisionId)) {
                while (rows.next()) {
                    indicators.add(rows.getLong(1));
                }
            }
            statement.execute("ALTER TABLE app_user ALTER COLUMN user_id RESTART WITH 1000000");
        }
        long firstUser = 1_000_000;
        copy.copyIn("COPY app_user (user_id, username, display_name, email, password_hash, enabled, token_version, created_at)"
                + " FROM STDIN (FORMAT csv)", rows(learners, i -> (firstUser + i) + ",learner" + i + ",學員" + i + ",l" + i
                + "@example.org,\"" + hash + "\",true,0,2026-11-24T00:00:00Z\n"));
        copy.copyIn("COPY user_role (user_id, role) FROM STDIN (FORMAT csv)", rows(learners, i -> (firstUser + i) + ",LEARNER\n"));
        copy.copyIn("COPY enrollment (enrollment_id, course_id, revision_id, learner_id, status, enrolled_at) FROM STDIN (FORMAT csv)",
                rows(learners, i -> (i + 1) + "," + course + "," + revisionId + "," + (firstUser + i) + ",ACTIVE,2026-11-24T00:00:00Z\n"));
        int evidence = learners * EVIDENCE_PER_LEARNER;
        copy.copyIn("COPY evidence (evidence_id, enrollment_id, method, title, status, submitted_at) FROM STDIN (FORMAT csv)",
                rows(evidence, e -> (e + 1) + "," + (e / EVIDENCE_PER_LEARNER + 1) + ",OBSERVATION,觀察紀錄,SUBMITTED,2026-11-24T00:00:00Z\n"));
        int size = indicators.size();
        copy.copyIn("COPY evidence_indicator (evidence_id, indicator_id) FROM STDIN (FORMAT csv)",
                rows(evidence * size, k -> (k / size + 1) + "," + indicators.get(k % size) + "\n"));
        // a judgement per claim; every fifth learner has one indicator whose latest word is NOT_YET
        copy.copyIn("COPY judgement (judgement_id, evidence_id, indicator_id, outcome, comment, assessor_id, judged_at) FROM STDIN (FORMAT csv)",
                rows(evidence * size, k -> (k + 1) + "," + (k / size + 1) + "," + indicators.get(k % size) + ","
                        + ((k / size) % (5 * EVIDENCE_PER_LEARNER) < EVIDENCE_PER_LEARNER && k % size == 0 ? "NOT_YET" : "MET")
                        + ",," + trainerId + ",2026-11-24T00:00:" + String.format("%02d", (k / size) % EVIDENCE_PER_LEARNER) + "Z\n"));
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("enrollment", "evidence", "judgement")) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', '" + table + "_id'), (SELECT MAX(" + table + "_id) FROM " + table + "))");
            }
            statement.execute("ANALYZE");
        }
    }

    private interface Line {
        String of(int index);
    }

    /** A reader producing the lines on demand, so that millions of rows never sit in memory. */
    private static Reader rows(int count, Line line) {
        return new Reader() {
            private int next;
            private StringReader current = new StringReader("");

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int read = current.read(buffer, offset, length);
                while (read < 0) {
                    if (next >= count) {
                        return -1;
                    }
                    StringBuilder chunk = new StringBuilder();
                    for (int i = 0; i < 10_000 && next < count; i++) {
                        chunk.append(line.of(next++));
                    }
                    current = new StringReader(chunk.toString());
                    read = current.read(buffer, offset, length);
                }
                return read;
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * CPU time used so far, in seconds: by the server's process, by PostgreSQL's processes (the postmaster's children
     * included), and by this benchmark's own JVM (the clients): where a burst's time goes on a machine they share.
     */
    double[] cpuSeconds() {
        double postgresCpu = ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0)).sum();
        return new double[] {server.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0), postgresCpu,
                ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0)};
    }

    private static Process startServer(Path folder, int port, String jdbcUrl, Map<String, String> environment) throws IOException {
        ProcessBuilder server = app(folder, jdbcUrl, "server.log");
        server.environment().putAll(environment);
        // e.g. -DserverJvm=-XX:StartFlightRecording=filename=server.jfr to profile the server
        if (System.getProperty("serverJvm") != null) {
            server.command().addAll(1, List.of(System.getProperty("serverJvm").split(" ")));
        }
        server.environment().put("PORT", String.valueOf(port));
        return server.start();
    }

    /** Every enrollment's progress derived again from the judgements, by the packaged jar's command, as an operator would. */
    void rebuildProgress() throws Exception {
        rebuildProgress(folder, postgres.getJdbcUrl("postgres", "bench"));
    }

    private static void rebuildProgress(Path folder, String jdbcUrl) throws Exception {
        int exit = app(folder, jdbcUrl, "rebuild.log", "rebuild-progress").start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("rebuild-progress failed, see " + folder.resolve("rebuild.log"));
        }
        System.out.println(Files.readString(folder.resolve("rebuild.log")).lines().filter(l -> l.startsWith("progress of")).findFirst().orElse(""));
    }

    private static ProcessBuilder app(Path folder, String jdbcUrl, String log, String... arguments) {
        List<String> command = new ArrayList<>(List.of("java", "-jar", Path.of("target/competency-backend-0.1.0.jar").toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(new File(folder.toFile(), log));
        builder.environment().put("DATASOURCES_DEFAULT_URL", jdbcUrl);
        builder.environment().put("DATASOURCES_DEFAULT_USERNAME", "postgres");
        builder.environment().put("DATASOURCES_DEFAULT_PASSWORD", "postgres");
        builder.environment().put("APP_JWT_SECRET", "a benchmark secret that is long enough for HS256");
        builder.environment().put("APP_BADGES_SIGNING_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        builder.environment().put("APP_PUBLIC_URL", "https://training.example.org");
        builder.environment().put("APP_BOOTSTRAP_ADMIN_USERNAME", "bench.admin");
        builder.environment().put("APP_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE", "20");
        return builder;
    }
}
