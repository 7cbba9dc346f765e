package tw.training.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 36, build 2 and acceptance 1: the statements one judgement writes, as PostgreSQL sees them, and what they cost
 * replayed alone. The judgement benchmark's course ({@link LoadedCourse}, {@code learners} learners) behind the packaged
 * jar on an embedded PostgreSQL whose statement log is turned on ({@code log_min_duration_statement = 0}) around each of
 * two {@code POST /api/evidence/{id}/judgements}, after ten untimed ones: (a) a MET that meets an indicator's method
 * nothing satisfied (the ledger changes: the path of every indicator's first MET), (b) a MET of a claim drawn at random
 * (mostly one already satisfied). Printed: every statement of the log (the server's background work among them as it
 * happened), then each judging transaction, BEGIN to COMMIT, with its count. Then the server is stopped and each
 * transaction, its parameters written in, is replayed by {@code pgbench} on one connection for {@code seconds} seconds
 * against the same database: its average latency is the database's work of one judgement, the figure compared with
 * Moodle's three writes (issue 36, acceptance 1).
 * <p>
 * {@code mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * && java -cp target/test-classes:target/classes:$(cat target/test.classpath) tw.training.bench.WritePath [learners] [seconds]}
 * (pgbench from {@code /usr/bin/pgbench}, PostgreSQL's client package; without it the replay is skipped)
 */
public final class WritePath {

    private static final Pattern LOGGED = Pattern.compile("\\[(\\d+)] LOG:  duration: [0-9.]+ ms  (?:statement|execute [^:]*): (.*)", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'(?:[^']|'')*')", Pattern.DOTALL);

    private WritePath() {
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path logs = Files.createTempDirectory(Path.of("target"), "statement-log").toAbsolutePath();
        Map<String, String> logging = Map.of("logging_collector", "on", "log_directory", logs.toString(), "log_filename", "postgres.log");
        try (LoadedCourse loaded = LoadedCourse.start(learners, "write-path", Map.of(), logging)) {
            List<JudgementBenchmark.Target> targets = JudgementBenchmark.targets(loaded, 20);
            for (int i = 0; i < 10; i++) {
                JudgementBenchmark.judge(loaded.base(), loaded.trainer(), targets.get(i));
            }
            Path log = logs.resolve("postgres.log");
            // (a) a MET of a claim whose (enrollment, indicator, method) nothing satisfied yet: the ledger changes, the path
            // every indicator's first MET takes; (b) a MET of a claim drawn at random, as the judgement benchmark judges
            List<String> meeting = capture(loaded, log, unsatisfied(loaded), "(a) a MET meeting an indicator's method nothing satisfied yet");
            List<String> random = capture(loaded, log, targets.get(10), "(b) a MET of a claim drawn at random");
            loaded.stopServer();
            replay(loaded, meeting, seconds, logs.resolve("meeting.sql"), "(a)");
            replay(loaded, random, seconds, logs.resolve("random.sql"), "(b)");
        }
    }

    /**
     * Where a 1,000-judgement batch's database time goes: two batches untimed, then one with the statement log on; the
     * statements of the log summed by their text (parameters aside), the costliest first.
     * {@code JudgementBenchmark [learners] batch-statements}
     */
    static void batchStatements(int learners) throws Exception {
        Path logs = Files.createTempDirectory(Path.of("target"), "statement-log").toAbsolutePath();
        Map<String, String> logging = Map.of("logging_collector", "on", "log_directory", logs.toString(), "log_filename", "postgres.log");
        try (LoadedCourse loaded = LoadedCourse.start(learners, "batch-statements", Map.of(), logging)) {
            List<JudgementBenchmark.Target> targets = JudgementBenchmark.targets(loaded, 3_000);
            Path log = logs.resolve("postgres.log");
            for (int round = 0; round < 3; round++) {
                long before = Files.exists(log) ? Files.size(log) : 0;
                if (round == 2) {
                    setLogging(loaded, "0");
                }
                long started = System.nanoTime();
                String body = JudgementBenchmark.batchBody(targets.subList(round * 1_000, round * 1_000 + 1_000));
                String answer = Api.send(loaded.base() + "/api/courses/" + loaded.course() + "/judgements", loaded.trainer(), "POST",
                        "application/json", body);
                System.out.printf("batch %d: %.0f ms (%s)%n", round + 1, (System.nanoTime() - started) / 1e6, answer.strip());
                if (round == 2) {
                    setLogging(loaded, "-1");
                    Map<String, double[]> byText = new java.util.TreeMap<>();
                    Pattern duration = Pattern.compile("duration: ([0-9.]+) ms  (?:statement|execute [^:]*|parse [^:]*|bind [^:]*): (.*)");
                    for (String line : Files.readString(log).substring((int) before).lines().toList()) {
                        Matcher found = duration.matcher(line);
                        if (found.find()) {
                            String text = found.group(2).replaceAll("\\$\\d+", "?").replaceAll("(\\?, )+\\?", "?…");
                            double[] sum = byText.computeIfAbsent(text.length() > 150 ? text.substring(0, 150) : text, key -> new double[2]);
                            sum[0] += Double.parseDouble(found.group(1));
                            sum[1]++;
                        }
                    }
                    explainBodies(loaded);
                    System.out.println("the logged batch's statements by total time (ms, count):");
                    byText.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(20)
                            .forEach(e -> System.out.printf("  %9.1f %6.0f  %s%n", e.getValue()[0], e.getValue()[1], e.getKey()));
                }
            }
        }
    }

    /** The plan of the rules of evidence's read of bodies for 1,000 random (enrollment, indicator) pairs, as a batch asks. */
    private static void explainBodies(LoadedCourse loaded) throws Exception {
        List<long[]> pairs = new ArrayList<>();
        try (Connection connection = loaded.connection(); Statement statement = connection.createStatement()) {
            try (java.sql.ResultSet rows = statement.executeQuery("SELECT v.enrollment_id, c.indicator_id FROM evidence_indicator c"
                    + " JOIN evidence v ON v.evidence_id = c.evidence_id ORDER BY random() LIMIT 1000")) {
                while (rows.next()) {
                    pairs.add(new long[] {rows.getLong(1), rows.getLong(2)});
                }
            }
            String enrollments = String.join(",", pairs.stream().map(p -> String.valueOf(p[0])).distinct().toList());
            String indicators = String.join(",", pairs.stream().map(p -> String.valueOf(p[1])).distinct().toList());
            String keys = String.join(",", pairs.stream().map(p -> String.valueOf(p[0] * 4294967296L + p[1])).distinct().toList());
            String latest = "(SELECT j.outcome FROM judgement j WHERE j.evidence_id = c.evidence_id AND j.indicator_id = c.indicator_id"
                    + " ORDER BY j.judged_at DESC, j.judgement_id DESC LIMIT 1) AS latest";
            String pairFilter = " AND v.enrollment_id * 4294967296 + c.indicator_id IN (" + keys + ")";
            List<String> evidence = new ArrayList<>();
            try (java.sql.ResultSet rows = statement.executeQuery("SELECT evidence_id FROM evidence WHERE status = 'SUBMITTED' AND enrollment_id IN ("
                    + enrollments + ")")) {
                while (rows.next()) {
                    evidence.add(rows.getString(1));
                }
            }
            Map<String, String> variants = new java.util.LinkedHashMap<>();
            variants.put("as the server reads them", "SELECT v.enrollment_id, c.indicator_id, v.evidence_id, v.method, " + latest
                    + " FROM evidence v JOIN evidence_indicator c ON c.evidence_id = v.evidence_id WHERE v.status = 'SUBMITTED' AND v.enrollment_id IN ("
                    + enrollments + ") AND c.indicator_id IN (" + indicators + ")" + pairFilter);
            variants.put("the claims of the enrollments' evidence, as a subquery", "SELECT v.enrollment_id, c.indicator_id, v.evidence_id, v.method, "
                    + latest + " FROM evidence_indicator c JOIN evidence v ON v.evidence_id = c.evidence_id WHERE c.evidence_id IN (SELECT w.evidence_id"
                    + " FROM evidence w WHERE w.status = 'SUBMITTED' AND w.enrollment_id IN (" + enrollments + "))" + pairFilter);
            variants.put("the claims of the evidence ids read first", "SELECT v.enrollment_id, c.indicator_id, v.evidence_id, v.method, " + latest
                    + " FROM evidence_indicator c JOIN evidence v ON v.evidence_id = c.evidence_id WHERE c.evidence_id IN (" + String.join(",", evidence)
                    + ") AND v.status = 'SUBMITTED'" + pairFilter);
            // each run once unprinted first, so that none is measured on a colder cache than another
            for (int round = 0; round < 2; round++) {
                for (Map.Entry<String, String> variant : variants.entrySet()) {
                    try (java.sql.ResultSet plan = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + variant.getValue())) {
                        if (round == 1) {
                            System.out.println("the bodies' read for 1,000 random pairs, " + variant.getKey() + ":");
                        }
                        while (plan.next()) {
                            if (round == 1) {
                                System.out.println("  " + plan.getString(1));
                            }
                        }
                    }
                }
            }
        }
    }

    /** One judgement with the statement log on: prints what the log caught, and answers its judging transaction. */
    private static List<String> capture(LoadedCourse loaded, Path log, JudgementBenchmark.Target target, String what) throws Exception {
        long before = Files.exists(log) ? Files.size(log) : 0;
        setLogging(loaded, "0");
        JudgementBenchmark.judge(loaded.base(), loaded.trainer(), target);
        setLogging(loaded, "-1");
        List<String> captured = Files.readString(log).substring((int) before).lines()
                .filter(line -> !line.contains("log_min_duration_statement") && !line.contains("pg_reload_conf")).toList();
        System.out.println("\n" + what + ": every statement of the log (the server's background work among them as it happened)");
        captured.stream().filter(line -> line.contains("duration:") || line.contains("DETAIL:")).forEach(System.out::println);
        List<String> judging = judgingTransaction(captured);
        System.out.println("\n" + what + ": the judging transaction, " + judging.size() + " statements (BEGIN and COMMIT included), "
                + judging.stream().filter(sql -> sql.matches("(?is)\\s*(insert|update|delete|merge).*")).count() + " of them writes:");
        judging.forEach(sql -> System.out.println("  " + sql));
        return judging;
    }

    /**
     * A claim whose MET meets an indicator's method nothing satisfies, of an enrollment that then still lacks one
     * indicator (completing the plan, once per learner, writes more and is not the common path). The loaded learners
     * have met nearly everything, so two of one enrollment's satisfied indicators are judged NOT_YET first (untimed) on
     * every piece that claims them; the first of those claims is the one answered.
     */
    private static JudgementBenchmark.Target unsatisfied(LoadedCourse loaded) throws Exception {
        List<JudgementBenchmark.Target> claims = new ArrayList<>();
        try (Connection connection = loaded.connection(); Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT c.evidence_id, d.code || ':' || i.code FROM evidence_indicator c"
                     + " JOIN evidence v ON v.evidence_id = c.evidence_id JOIN indicator i ON i.indicator_id = c.indicator_id"
                     + " JOIN standard d ON d.standard_id = i.standard_id"
                     + " WHERE v.enrollment_id = (SELECT MIN(enrollment_id) FROM satisfaction) AND c.indicator_id IN (SELECT s.indicator_id"
                     + " FROM satisfaction s WHERE s.enrollment_id = v.enrollment_id ORDER BY s.indicator_id FETCH FIRST 2 ROWS ONLY)"
                     + " ORDER BY c.indicator_id, c.evidence_id")) {
            while (rows.next()) {
                claims.add(new JudgementBenchmark.Target(rows.getLong(1), rows.getString(2)));
            }
        }
        if (claims.isEmpty()) {
            throw new IllegalStateException("nothing is satisfied");
        }
        // every piece claiming either indicator judged NOT_YET: nothing satisfies them any more
        for (JudgementBenchmark.Target claim : claims) {
            HttpResponse<String> answer = Api.HTTP.send(HttpRequest.newBuilder(URI.create(loaded.base() + "/api/evidence/" + claim.evidenceId()
                            + "/judgements")).header("Authorization", "Bearer " + loaded.trainer()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"indicator\":\"" + claim.indicator() + "\",\"outcome\":\"NOT_YET\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("NOT_YET answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        return claims.get(0);
    }

    /**
     * The statements, parameters written in, of the connection that inserted the judgement, from the BEGIN before that
     * insert to the COMMIT after it.
     */
    static List<String> judgingTransaction(List<String> lines) {
        // a value with line breaks (a mail's text) goes on over lines of its own, without the log's prefix
        List<String> log = new ArrayList<>();
        for (String line : lines) {
            if (line.matches("\\d{4}-\\d\\d-\\d\\d .*") || log.isEmpty()) {
                log.add(line);
            } else {
                log.set(log.size() - 1, log.get(log.size() - 1) + "\n" + line);
            }
        }
        List<String[]> statements = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            Matcher logged = LOGGED.matcher(log.get(i));
            if (logged.find()) {
                String sql = logged.group(2);
                // the parameters are the next line of the same backend (others' lines may come in between)
                for (int j = i + 1; j < log.size(); j++) {
                    if (log.get(j).contains("[" + logged.group(1) + "]")) {
                        if (log.get(j).contains("DETAIL:  Parameters:")) {
                            sql = bind(sql, log.get(j));
                        }
                        break;
                    }
                }
                statements.add(new String[] {logged.group(1), sql});
            }
        }
        int insert = -1;
        for (int i = 0; i < statements.size() && insert < 0; i++) {
            if (statements.get(i)[1].toLowerCase().startsWith("insert into \"judgement\"") || statements.get(i)[1].toLowerCase().startsWith("insert into judgement")) {
                insert = i;
            }
        }
        if (insert < 0) {
            throw new IllegalStateException("no judgement was inserted while the log was on");
        }
        String pid = statements.get(insert)[0];
        List<String> ofIt = statements.stream().filter(s -> s[0].equals(pid)).map(s -> s[1]).toList();
        int at = ofIt.indexOf(statements.get(insert)[1]);
        int begin = at;
        while (begin > 0 && !ofIt.get(begin).equalsIgnoreCase("BEGIN")) {
            begin--;
        }
        int commit = at;
        while (commit < ofIt.size() - 1 && !ofIt.get(commit).equalsIgnoreCase("COMMIT")) {
            commit++;
        }
        return ofIt.subList(begin, commit + 1);
    }

    private static String bind(String sql, String detail) {
        Matcher parameter = PARAMETER.matcher(detail);
        Map<String, String> values = new java.util.HashMap<>();
        while (parameter.find()) {
            values.put(parameter.group(1), parameter.group(2));
        }
        Matcher placeholder = Pattern.compile("\\$(\\d+)(?!\\d)").matcher(sql);
        StringBuilder bound = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("no value logged for $" + placeholder.group(1) + " of " + sql);
            }
            placeholder.appendReplacement(bound, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(bound).toString();
    }

    /** pgbench, one connection, the transaction over and over for {@code seconds}; prints its average latency. */
    private static void replay(LoadedCourse loaded, List<String> transaction, int seconds, Path script, String what) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/pgbench"))) {
            System.out.println("\nno /usr/bin/pgbench: the replay is skipped");
            return;
        }
        // what must be new each time (a mail's message id) is drawn anew by the database, as the server draws it
        // and pgbench would read ":word" inside a value (JSON's "success":true) as its variable: split such a value in two
        Files.writeString(script, String.join(";\n", transaction.stream().map(sql -> sql.replaceAll(
                "'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'", "gen_random_uuid()::text")
                .replaceAll("(?<!:):(?=[A-Za-z_])", ":' || '")).toList()) + ";\n");
        // prepared, as the server's driver sends them: each statement planned once, then executed; per statement too
        Process pgbench = new ProcessBuilder("/usr/bin/pgbench", "-n", "-r", "-M", "prepared", "-c", "1", "-T", String.valueOf(seconds),
                "-f", script.toString(), "-h", "localhost", "-p", String.valueOf(loaded.postgres().getPort()), "-U", "postgres", "bench")
                .redirectErrorStream(true).start();
        String output = new String(pgbench.getInputStream().readAllBytes());
        pgbench.waitFor();
        System.out.println("\n" + what + " pgbench replay of the judging transaction (" + script + "), one connection, " + seconds + " s, prepared:");
        output.lines().filter(line -> !line.isBlank()).forEach(line -> System.out.println("  " + (line.length() > 160 ? line.substring(0, 160) + "…" : line)));
    }

    private static void setLogging(LoadedCourse loaded, String value) throws Exception {
        try (Connection connection = loaded.connection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM SET log_min_duration_statement = " + value);
            statement.execute("SELECT pg_reload_conf()");
        }
        // the setting reaches the server's connections at their next command; a moment for the postmaster to signal them
        Thread.sleep(500);
    }
}
