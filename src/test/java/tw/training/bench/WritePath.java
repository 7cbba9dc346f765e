package tw.training.bench;

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
 * jar on an embedded PostgreSQL whose statement log is turned on ({@code log_min_duration_statement = 0}) around one
 * {@code POST /api/evidence/{id}/judgements}, after ten untimed ones. Printed: every statement of the log (the server's
 * background work among them as it happened), then the judging transaction's own, BEGIN to COMMIT, with their count.
 * Then the server is stopped and that transaction, its parameters written in, is replayed by {@code pgbench} on one
 * connection for {@code seconds} seconds against the same database: its average latency is the database's work of one
 * judgement, the figure compared with Moodle's three writes (issue 36, acceptance 1).
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
            long before = Files.exists(log) ? Files.size(log) : 0;
            setLogging(loaded, "0");
            JudgementBenchmark.judge(loaded.base(), loaded.trainer(), targets.get(10));
            setLogging(loaded, "-1");
            List<String> captured = Files.readString(log).substring((int) before).lines()
                    .filter(line -> !line.contains("log_min_duration_statement") && !line.contains("pg_reload_conf")).toList();
            captured.stream().filter(line -> line.contains("duration:") || line.contains("DETAIL:")).forEach(System.out::println);
            List<String> judging = judgingTransaction(captured);
            System.out.println("\nthe judging transaction, " + judging.size() + " statements (BEGIN and COMMIT included), "
                    + judging.stream().filter(sql -> sql.matches("(?is)\\s*(insert|update|delete).*")).count() + " of them writes:");
            judging.forEach(sql -> System.out.println("  " + sql));
            loaded.stopServer();
            replay(loaded, judging, seconds, logs.resolve("judgement.sql"));
        }
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
    private static void replay(LoadedCourse loaded, List<String> transaction, int seconds, Path script) throws Exception {
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
        System.out.println("\npgbench replay of the judging transaction (" + script + "), one connection, " + seconds + " s, prepared:");
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
