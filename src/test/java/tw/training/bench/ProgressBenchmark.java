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
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 6's figures on PostgreSQL: 10,000 learners × 50 indicators × 5 pieces of evidence each (2.5 million
 * judgements, bulk-loaded with COPY) behind the packaged jar, then (a) {@code GET /api/courses/{id}/progress}
 * over HTTP, (b) the same aggregate as plain SQL, (c) {@code GET /api/enrollments/{id}/progress} p50 and p99
 * with 50 concurrent clients.
 * <p>
 * {@code mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * && java -cp target/test-classes:$(cat target/test.classpath) tw.training.bench.ProgressBenchmark [learners]}
 */
public final class ProgressBenchmark {

    private static final String PASSWORD = "benchmark password";
    /** THM2431-001v1 without T4.2: 50 indicators. */
    private static final List<String> TASKS = List.of("T1.1", "T1.2", "T2.1", "T2.2", "T3.1", "T3.2", "T3.3", "T4.1", "T5.1", "T5.2",
            "T5.3", "T5.4");
    private static final int EVIDENCE_PER_LEARNER = 5;

    private ProgressBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path folder = Files.createTempDirectory(Path.of("target"), "progress-bench").toAbsolutePath();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(folder.resolve("pg").toFile())
                .setPGStartupWait(Duration.ofSeconds(30)).start()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE bench");
            }
            int port = Api.freePort();
            Process server = startServer(folder, port, postgres.getJdbcUrl("postgres", "bench"));
            try {
                String base = "http://127.0.0.1:" + port;
                Api.waitForServer(base, Duration.ofSeconds(90));
                String admin = Api.login(base, "bench.admin", PASSWORD);
                Api.post(base + "/api/users", admin, "{\"username\":\"bench.trainer\",\"displayName\":\"講師\",\"email\":\"t@example.org\",\"password\":\""
                        + PASSWORD + "\",\"roles\":[\"TRAINER\"]}");
                String trainer = Api.login(base, "bench.trainer", PASSWORD);
                long course = Api.id(Api.post(base + "/api/courses", trainer, "{\"code\":\"BENCH\",\"title\":\"基準課程\",\"hours\":40}"));
                for (String task : TASKS) {
                    Api.post(base + "/api/courses/" + course + "/alignments", trainer,
                            "{\"standardCode\":\"THM2431-001v1\",\"taskCode\":\"" + task + "\",\"methods\":[\"OBSERVATION\"]}");
                }
                Api.post(base + "/api/courses/" + course + "/publish", trainer, "{}");

                long loadStarted = System.nanoTime();
                try (Connection connection = postgres.getDatabase("postgres", "bench").getConnection()) {
                    load(connection, course, learners);
                }
                System.out.printf("loaded %,d learners, %,d evidence, %,d judgements in %.0f s%n", learners, learners * EVIDENCE_PER_LEARNER,
                        (long) learners * EVIDENCE_PER_LEARNER * 50, (System.nanoTime() - loadStarted) / 1e9);

                // the load wrote around the server: derive progress from the judgements as an operator would
                long rebuildStarted = System.nanoTime();
                rebuildProgress(folder, postgres.getJdbcUrl("postgres", "bench"));
                System.out.printf("rebuild-progress over all judgements: %.1f s%n", (System.nanoTime() - rebuildStarted) / 1e9);

                List<Double> sqlMillis = new ArrayList<>();
                List<Double> ruleMillis = new ArrayList<>();
                try (Connection connection = postgres.getDatabase("postgres", "bench").getConnection()) {
                    if (Boolean.getBoolean("explain")) {
                        explain(connection, cohort(course));
                        explain(connection, fromJudgements(course));
                    }
                    for (int i = 0; i < 7; i++) {
                        sqlMillis.add(timed(connection, cohort(course)));
                    }
                    for (int i = 0; i < 3; i++) {
                        ruleMillis.add(timed(connection, fromJudgements(course)));
                    }
                }
                List<Double> httpMillis = new ArrayList<>();
                String cohort = null;
                for (int i = 0; i < 7; i++) {
                    long started = System.nanoTime();
                    cohort = Api.get(base + "/api/courses/" + course + "/progress", trainer);
                    httpMillis.add((System.nanoTime() - started) / 1e6);
                }
                if (!cohort.contains("\"indicatorsTotal\":50")) {
                    throw new IllegalStateException("unexpected cohort answer");
                }
                double a = median(httpMillis);
                double b = median(sqlMillis);
                System.out.printf("(a) GET /api/courses/%d/progress over HTTP: median %.0f ms (%s)%n", course, a, round(httpMillis));
                System.out.printf("(b) the same answer as plain SQL (the cohort read the endpoint runs): median %.0f ms (%s)%n", b, round(sqlMillis));
                System.out.printf("    (a)/(b) = %.2f%n", a / b);
                System.out.printf("    for scale, the rule computed from all judgements at read time (what the ledger saves): median %.0f ms (%s)%n",
                        median(ruleMillis), round(ruleMillis));
                concurrentEnrollmentProgress(base, trainer, learners, 1, 500);
                concurrentEnrollmentProgress(base, trainer, learners, 50, 100);
            } finally {
                server.destroy();
                server.waitFor();
                System.out.println("server log: " + folder.resolve("server.log"));
            }
        }
    }

    private static double timed(Connection connection, String query) throws Exception {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                result.getObject(result.getMetaData().getColumnCount());
            }
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private static void explain(Connection connection, String query) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet plan = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + query)) {
            while (plan.next()) {
                System.out.println(plan.getString(1));
            }
        }
    }

    /** What {@code GET /api/courses/{id}/progress} reads: every enrollment with its learner and met indicators. */
    private static String cohort(long course) {
        return "SELECT e.enrollment_id, e.revision_id, e.status, u.username, u.display_name, p.met_indicators FROM enrollment e"
                + " JOIN app_user u ON u.user_id = e.learner_id LEFT JOIN enrollment_progress p ON p.enrollment_id = e.enrollment_id"
                + " WHERE e.course_id = " + course + " ORDER BY u.username";
    }

    /** The same met indicators computed from the judgements at read time. */
    private static String fromJudgements(long course) {
        return "WITH latest AS (SELECT v.enrollment_id, j.indicator_id, v.method, j.outcome, ROW_NUMBER() OVER"
                + " (PARTITION BY j.evidence_id, j.indicator_id ORDER BY j.judged_at DESC, j.judgement_id DESC) AS rn"
                + " FROM judgement j JOIN evidence v ON v.evidence_id = j.evidence_id JOIN enrollment e ON e.enrollment_id = v.enrollment_id"
                + " WHERE v.status = 'SUBMITTED' AND e.course_id = " + course + "),"
                + " satisfied AS (SELECT DISTINCT enrollment_id, indicator_id, method FROM latest WHERE rn = 1 AND outcome = 'MET'),"
                + " required AS (SELECT e.enrollment_id, m.indicator_id, m.method FROM enrollment e JOIN plan_method m"
                + " ON m.revision_id = e.revision_id WHERE e.course_id = " + course + "),"
                + " met AS (SELECT r.enrollment_id, r.indicator_id FROM required r LEFT JOIN satisfied s ON s.enrollment_id = r.enrollment_id"
                + " AND s.indicator_id = r.indicator_id AND s.method = r.method GROUP BY r.enrollment_id, r.indicator_id"
                + " HAVING COUNT(s.method) = COUNT(*))"
                + " SELECT m.enrollment_id, s.code, i.code FROM met m JOIN indicator i ON i.indicator_id = m.indicator_id"
                + " JOIN standard s ON s.standard_id = i.standard_id";
    }

    private static void concurrentEnrollmentProgress(String base, String token, int learners, int clients, int requestsPerClient) throws Exception {
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Double>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int seed = c;
            results.add(pool.submit(() -> {
                Random random = new Random(seed);
                List<Double> millis = new ArrayList<>();
                for (int r = 0; r < requestsPerClient; r++) {
                    long enrollment = 1 + random.nextInt(learners);
                    long started = System.nanoTime();
                    String body = Api.get(base + "/api/enrollments/" + enrollment + "/progress", token);
                    millis.add((System.nanoTime() - started) / 1e6);
                    if (!body.contains("\"indicatorsTotal\":50")) {
                        throw new IllegalStateException("unexpected progress answer");
                    }
                }
                return millis;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        Collections.sort(all);
        System.out.printf("(c) GET /api/enrollments/{id}/progress, %d clients × %d requests: p50 %.1f ms, p99 %.1f ms, %.0f requests/s%n",
                clients, requestsPerClient, all.get(all.size() / 2), all.get((int) (all.size() * 0.99)),
                all.size() / ((System.nanoTime() - began) / 1e9));
    }

    /** Learners, enrollments, evidence, claims and judgements, streamed into COPY. */
    private static void load(Connection connection, long course, int learners) throws Exception {
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
        copy.copyIn("COPY app_user (user_id, username, display_name, email, password_hash, enabled, token_version, failed_logins, created_at)"
                + " FROM STDIN (FORMAT csv)", rows(learners, i -> (firstUser + i) + ",learner" + i + ",學員" + i + ",l" + i
                + "@example.org,\"" + hash + "\",true,0,0,2026-11-24T00:00:00Z\n"));
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

    private static Process startServer(Path folder, int port, String jdbcUrl) throws IOException {
        ProcessBuilder server = app(folder, jdbcUrl, "server.log");
        server.environment().put("PORT", String.valueOf(port));
        return server.start();
    }

    private static void rebuildProgress(Path folder, String jdbcUrl) throws Exception {
        int exit = app(folder, jdbcUrl, "rebuild.log", "rebuild-progress").start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("rebuild-progress failed, see " + folder.resolve("rebuild.log"));
        }
        System.out.println(Files.readString(folder.resolve("rebuild.log")).lines().filter(l -> l.startsWith("progress of")).findFirst().orElse(""));
    }

    private static ProcessBuilder app(Path folder, String jdbcUrl, String log, String... arguments) {
        List<String> command = new ArrayList<>(List.of("java"));
        // e.g. -DserverJvm=-XX:StartFlightRecording=filename=server.jfr to profile the server
        if (System.getProperty("serverJvm") != null) {
            command.addAll(List.of(System.getProperty("serverJvm").split(" ")));
        }
        command.addAll(List.of("-jar", Path.of("target/competency-backend-0.1.0.jar").toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(new File(folder.toFile(), log));
        builder.environment().put("DATASOURCES_DEFAULT_URL", jdbcUrl);
        builder.environment().put("DATASOURCES_DEFAULT_USERNAME", "postgres");
        builder.environment().put("DATASOURCES_DEFAULT_PASSWORD", "postgres");
        builder.environment().put("APP_JWT_SECRET", "a benchmark secret that is long enough for HS256");
        builder.environment().put("APP_BOOTSTRAP_ADMIN_USERNAME", "bench.admin");
        builder.environment().put("APP_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE", "20");
        return builder;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String round(List<Double> values) {
        return values.stream().map(v -> String.format("%.0f", v)).toList().toString();
    }

}
