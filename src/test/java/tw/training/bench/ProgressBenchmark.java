package tw.training.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 6's figures on PostgreSQL: 10,000 learners × 50 indicators × 5 pieces of evidence each (2.5 million
 * judgements, see {@link LoadedCourse}), then (a) {@code GET /api/courses/{id}/progress} over HTTP, (b) the
 * same answer as plain SQL (the cohort read the endpoint runs, and for scale the rule computed from all
 * judgements at read time), (c) {@code GET /api/enrollments/{id}/progress} p50 and p99 with 1 and with 50
 * concurrent JVM clients, and with 50 connections from wrk when it is installed, next to the cheapest answer
 * the HTTP stack gives on this machine.
 * <p>
 * {@code mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * && java -cp target/test-classes:$(cat target/test.classpath) tw.training.bench.ProgressBenchmark [learners]}
 */
public final class ProgressBenchmark {

    private ProgressBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (LoadedCourse loaded = LoadedCourse.start(learners, "progress-bench")) {
            String base = loaded.base();
            String trainer = loaded.trainer();
            long course = loaded.course();
            List<Double> sqlMillis = new ArrayList<>();
            List<Double> ruleMillis = new ArrayList<>();
            try (Connection connection = loaded.connection()) {
                if (Boolean.getBoolean("explain")) {
                    explain(connection, cohort(course));
                    explain(connection, fromJudgements(course));
                    explain(connection, "SELECT s.indicator_id, s.method, s.evidence_id, s.judgement_id, s.judged_at, u.username FROM satisfaction s"
                            + " JOIN app_user u ON u.user_id = s.assessor_id WHERE s.enrollment_id = 4321 ORDER BY s.judged_at, s.judgement_id");
                }
                for (int i = 0; i < 20; i++) {
                    double millis = timed(connection, cohort(course));
                    if (i >= 5) {
                        sqlMillis.add(millis);
                    }
                }
                for (int i = 0; i < 3; i++) {
                    ruleMillis.add(timed(connection, fromJudgements(course)));
                }
            }
            // the server's first answers run before its code is compiled: five untimed, then fifteen timed to the last byte
            String url = base + "/api/courses/" + course + "/progress";
            for (int i = 0; i < 5; i++) {
                Api.getBytes(url, trainer);
            }
            List<Double> httpMillis = new ArrayList<>();
            byte[] cohort = null;
            for (int i = 0; i < 15; i++) {
                long started = System.nanoTime();
                cohort = Api.getBytes(url, trainer);
                httpMillis.add((System.nanoTime() - started) / 1e6);
            }
            if (!new String(cohort, StandardCharsets.UTF_8).contains("\"indicatorsTotal\":50")) {
                throw new IllegalStateException("unexpected cohort answer");
            }
            double a = Api.median(httpMillis);
            double b = Api.median(sqlMillis);
            System.out.printf("(a) GET /api/courses/%d/progress over HTTP (%,d bytes): median %.0f ms (%s)%n", course, cohort.length, a,
                    Api.round(httpMillis));
            System.out.printf("(b) the same answer as plain SQL (the cohort read the endpoint runs): median %.0f ms (%s)%n", b, Api.round(sqlMillis));
            System.out.printf("    (a)/(b) = %.2f%n", a / b);
            System.out.printf("    for scale, the rule computed from all judgements at read time (what the ledger saves): median %.0f ms (%s)%n",
                    Api.median(ruleMillis), Api.round(ruleMillis));
            // as for (a): the endpoint's first answers run before its code is compiled, so 2,000 untimed first
            for (int i = 0; i < 2_000; i++) {
                Api.get(base + "/api/enrollments/" + (1 + i % learners) + "/progress", trainer);
            }
            enrollmentProgress(base, trainer, learners, 1, 500);
            enrollmentProgress(base, trainer, learners, 50, 100);
            withWrk(base, trainer, learners);
        }
    }

    /** Runs the query as the server does (a prepared statement, so binary rows once it is warm) and reads every value. */
    private static double timed(Connection connection, String query) throws Exception {
        long started = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(query); ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int column = 1; column <= columns; column++) {
                    if (result.getObject(column) instanceof Array array) {
                        array.getArray();
                    }
                }
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

    /** What {@code GET /api/courses/{id}/progress} reads (ProgressQueries.cohort): every enrollment, its learner and met indicators. */
    private static String cohort(long course) {
        return "SELECT e.enrollment_id, e.revision_id, e.status, e.completed_at, u.username, u.display_name, p.met_indicators FROM enrollment e"
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

    /** Closed loop: each client sends its next request when the last one is answered, with no pause. */
    private static void concurrently(String label, int clients, int requestsPerClient, Request request) throws Exception {
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Double>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random random = new Random(c);
            results.add(pool.submit(() -> {
                List<Double> millis = new ArrayList<>();
                for (int r = 0; r < requestsPerClient; r++) {
                    long started = System.nanoTime();
                    request.send(random);
                    millis.add((System.nanoTime() - started) / 1e6);
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
        System.out.printf("%s, %d clients × %d requests: p50 %.1f ms, p99 %.1f ms, %.0f requests/s%n", label, clients, requestsPerClient,
                all.get(all.size() / 2), all.get((int) (all.size() * 0.99)), all.size() / ((System.nanoTime() - began) / 1e9));
    }

    /**
     * The same 50-client load from wrk (a C load generator, Debian package {@code wrk}) when it is installed:
     * it takes far less of the machine's two cores than the JVM clients above, which share them with the server.
     */
    private static void withWrk(String base, String token, int learners) throws Exception {
        if (!new File("/usr/bin/wrk").canExecute()) {
            System.out.println("    (wrk not installed: apt-get install wrk for the same load from a lighter client)");
            return;
        }
        wrk("(c) with wrk, 2 threads, 50 connections, 20 s", base, "math.randomseed(42)\nrequest = function()\n  return wrk.format(\"GET\","
                + " \"/api/enrollments/\" .. math.random(1, " + learners + ") .. \"/progress\", {[\"Authorization\"] = \"Bearer " + token + "\"})\nend\n");
        // the floors of the HTTP stack on this machine: the cheapest answer there is, a 401 before any route or query
        // runs, and the cheapest signed-in one, the caller's own account (token, session check, one read)
        wrk("    for scale, GET /api/me without a token (401, no database) with wrk, 2 threads, 50 connections, 20 s", base,
                "request = function()\n  return wrk.format(\"GET\", \"/api/me\")\nend\n");
        wrk("    for scale, GET /api/me signed in with wrk, 2 threads, 50 connections, 20 s", base,
                "request = function()\n  return wrk.format(\"GET\", \"/api/me\", {[\"Authorization\"] = \"Bearer " + token + "\"})\nend\n");
    }

    private static void wrk(String label, String base, String lua) throws Exception {
        Path script = Files.createTempFile("load", ".lua");
        Files.writeString(script, lua);
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c50", "-d20s", "--latency", "-s", script.toString(), base).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        System.out.println(label + ":");
        output.lines().filter(line -> line.matches("\\s+(50|90|99)%.*|Requests/sec.*|.*Non-2xx.*")).forEach(line -> System.out.println("    " + line.strip()));
    }

    private interface Request {
        void send(Random random) throws Exception;
    }

    private static void enrollmentProgress(String base, String token, int learners, int clients, int requestsPerClient) throws Exception {
        concurrently("(c) GET /api/enrollments/{id}/progress", clients, requestsPerClient, random -> {
            String body = Api.get(base + "/api/enrollments/" + (1 + random.nextInt(learners)) + "/progress", token);
            if (!body.contains("\"indicatorsTotal\":50")) {
                throw new IllegalStateException("unexpected progress answer");
            }
        });
    }
}
