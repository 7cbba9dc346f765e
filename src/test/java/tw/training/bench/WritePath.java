package tw.training.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Issue 36, build 2: the statements one judgement writes, as PostgreSQL sees them. The judgement benchmark's course
 * ({@link LoadedCourse}, {@code learners} learners) behind the packaged jar on an embedded PostgreSQL whose statement
 * log is turned on ({@code log_min_duration_statement = 0}) around one {@code POST /api/evidence/{id}/judgements}, after
 * ten untimed ones; the log's statements are printed with their durations, the server's background work (sequencer,
 * senders) among them as it happened.
 * <p>
 * {@code mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * && java -cp target/test-classes:target/classes:$(cat target/test.classpath) tw.training.bench.WritePath [learners]}
 */
public final class WritePath {

    private WritePath() {
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 200;
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
            String captured = Files.readString(log).substring((int) before);
            try (Stream<String> lines = captured.lines()) {
                lines.filter(line -> line.contains("duration:") || line.contains("DETAIL:")).filter(line -> !line.contains("log_min_duration_statement")
                        && !line.contains("pg_reload_conf")).forEach(System.out::println);
            }
            System.out.println("statements: " + captured.lines().filter(line -> line.contains("duration:") && !line.contains("log_min_duration_statement")
                    && !line.contains("pg_reload_conf")).count());
        }
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
