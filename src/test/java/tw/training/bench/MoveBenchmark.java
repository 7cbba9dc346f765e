package tw.training.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 35, acceptance 3: a course on every task of KPS5294-001v4 (by observation) with {@code learners} learners, each
 * with 5 pieces of evidence judged on every indicator (as {@link LoadedCourse} loads them: every fifth learner's latest
 * word on one indicator is NOT_YET), migrated through the confirmed crosswalk to the test resources' v5 and published;
 * then all its learners moved in one {@code POST /api/courses/{id}/learner-moves}, timed, on an embedded PostgreSQL
 * behind the packaged jar; then the ledger compared with what the jar's {@code rebuild-progress} derives.
 * <p>
 * {@code mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * && java -cp target/test-classes:target/classes:$(cat target/test.classpath) tw.training.bench.MoveBenchmark [learners]}
 */
public final class MoveBenchmark {

    private static final Pattern TASK = Pattern.compile("\"code\":\"(T\\d+\\.\\d+)\"");

    private MoveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (LoadedCourse server = LoadedCourse.start(0, "move-bench")) {
            String base = server.base();
            String trainer = server.trainer();
            Api.send(base + "/api/standards", trainer, "POST", "text/plain; charset=UTF-8",
                    Files.readString(Path.of("src/test/resources/revision/KPS5294-001v5.txt")));
            long course = Api.id(Api.post(base + "/api/courses", trainer, "{\"code\":\"MOVE-BENCH\",\"title\":\"電話行銷\",\"hours\":40}"));
            Set<String> tasks = new LinkedHashSet<>();
            Matcher found = TASK.matcher(Api.get(base + "/api/standards/KPS5294-001v4", trainer));
            while (found.find()) {
                tasks.add(found.group(1));
            }
            for (String task : tasks) {
                Api.post(base + "/api/courses/" + course + "/alignments", trainer,
                        "{\"standardCode\":\"KPS5294-001v4\",\"taskCode\":\"" + task + "\",\"methods\":[\"OBSERVATION\"]}");
            }
            Api.post(base + "/api/courses/" + course + "/publish", trainer, "{}");
            try (Connection connection = server.connection()) {
                LoadedCourse.load(connection, course, learners);
            }
            server.rebuildProgress();
            long crosswalk = Api.id(Api.post(base + "/api/crosswalks", trainer, "{\"from\":\"KPS5294-001v4\",\"to\":\"KPS5294-001v5\"}"));
            Api.post(base + "/api/crosswalks/" + crosswalk + "/confirmation", trainer, "{}");
            Api.post(base + "/api/courses/" + course + "/migration", trainer, "{\"crosswalk\":" + crosswalk + "}");
            Api.send(base + "/api/courses/" + course + "/plan/KPS5294-001v5:P2.3.5", trainer, "PUT", "application/json", "{\"methods\":[\"OBSERVATION\"]}");
            Api.post(base + "/api/courses/" + course + "/publish", trainer, "{}");
            System.out.printf("course on %d tasks of KPS5294-001v4, %d learners loaded; migrated to v5 and published%n", tasks.size(), learners);

            long dryStarted = System.nanoTime();
            Api.post(base + "/api/courses/" + course + "/learner-moves", trainer, "{\"dryRun\":true}");
            double dry = (System.nanoTime() - dryStarted) / 1e6;
            long started = System.nanoTime();
            String run = Api.post(base + "/api/courses/" + course + "/learner-moves", trainer, "{}");
            double moved = (System.nanoTime() - started) / 1e6;
            System.out.printf("dry run: %.0f ms; the run: %.0f ms, answer %,d bytes, %s%n", dry, moved, run.length(),
                    run.substring(0, run.indexOf(",\"learners\"")) + "}");
            try (Connection connection = server.connection(); Statement statement = connection.createStatement()) {
                System.out.println("carried judgements " + single(statement, "SELECT COUNT(*) FROM judgement WHERE move_id IS NOT NULL")
                        + ", claims attached " + single(statement, "SELECT COUNT(*) FROM evidence_indicator WHERE move_id IS NOT NULL")
                        + ", moves " + single(statement, "SELECT COUNT(*) FROM learner_move"));
            }
            List<String> ledger = ledger(server);
            server.rebuildProgress();
            List<String> rebuilt = ledger(server);
            System.out.println(ledger.equals(rebuilt) ? "the ledger equals rebuild-progress (" + ledger.size() + " rows)"
                    : "THE LEDGER DIFFERS FROM rebuild-progress");
            if (!ledger.equals(rebuilt)) {
                System.exit(1);
            }
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    /** The ledger's rows and the enrollments' status, as text. */
    private static List<String> ledger(LoadedCourse server) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = server.connection(); Statement statement = connection.createStatement()) {
            for (String query : List.of("SELECT enrollment_id, indicator_id, method, evidence_id, judgement_id FROM satisfaction ORDER BY 1, 2, 3",
                    "SELECT enrollment_id, indicators_met, met_indicators FROM enrollment_progress ORDER BY 1",
                    "SELECT enrollment_id, revision_id, status FROM enrollment ORDER BY 1")) {
                try (ResultSet result = statement.executeQuery(query)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int column = 1; column <= columns; column++) {
                            row.append(result.getString(column)).append(" | ");
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
