package tw.training.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import tw.training.account.Actor;
import tw.training.evidence.JudgementService;
import tw.training.evidence.Views;
import tw.training.progress.LedgerTiming;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 13's figures on the progress benchmark's data (10,000 learners × 50 indicators × 5 evidence, 2.5 million
 * judgements, see {@link LoadedCourse}): (1) one judgement's database work as the server does it — the
 * application's own {@code JudgementService.judge} (checks, insert, incremental derivation, the answer's reads)
 * called in a JVM of its own on the same database, so that HTTP is not in the figure; (2) {@code POST
 * /api/evidence/{id}/judgements} p50 and p99 with one client beside the signed-in {@code /api/me} floor; (3)
 * judgements from 50 concurrent clients: throughput, p50, p99, errors. With {@code log} after the number of learners,
 * only issue 34's figure instead: the transparency log's cost ({@link LogCost}); with {@code batch}, only issue 36's: judgements
 * 1,000 a request beside the {@code /api/me} floor.
 * <p>
 * {@code mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * && java -cp target/test-classes:target/classes:$(cat target/test.classpath) tw.training.bench.JudgementBenchmark [learners]}
 */
public final class JudgementBenchmark {

    private JudgementBenchmark() {
    }

    /** A judgement to send: evidence and one indicator it claims. */
    record Target(long evidenceId, String indicator) {
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        if (args.length > 1 && args[1].equals("batch-statements")) {
            WritePath.batchStatements(learners);
            return;
        }
        try (LoadedCourse loaded = LoadedCourse.start(learners, "judgement-bench")) {
            List<Target> targets = targets(loaded, 20_000);
            long trainerId;
            try (Connection connection = loaded.connection(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT user_id FROM app_user WHERE username = 'bench.trainer'")) {
                row.next();
                trainerId = row.getLong(1);
            }
            Actor actor = new Actor(trainerId, "bench.trainer", Set.of("TRAINER"));
            if (args.length > 1 && args[1].equals("log")) {
                LogCost.compare(loaded, targets, actor);
                return;
            }
            if (args.length > 1 && args[1].equals("batch")) {
                batches(loaded, targets);
                return;
            }
            inProcess(loaded, targets.subList(0, 3_000), actor);
            String base = loaded.base();
            String trainer = loaded.trainer();
            List<Double> judging = new ArrayList<>();
            List<Double> me = new ArrayList<>();
            for (int i = 0; i < 1_200; i++) {
                Target target = targets.get(3_000 + i);
                double judged = timed(() -> judge(base, trainer, target));
                double floor = timed(() -> Api.get(base + "/api/me", trainer));
                if (i >= 200) {
                    judging.add(judged);
                    me.add(floor);
                }
            }
            System.out.printf("(2) POST /api/evidence/{id}/judgements, 1 client, 1,000 after 200 untimed: p50 %.2f ms, p99 %.2f ms%n",
                    percentile(judging, 50), percentile(judging, 99));
            System.out.printf("    GET /api/me signed in (the floor), alternating with it: p50 %.2f ms, p99 %.2f ms; judgement p50 / floor p50 = %.2f%n",
                    percentile(me, 50), percentile(me, 99), percentile(judging, 50) / percentile(me, 50));
            concurrent(base, trainer, targets.subList(5_000, targets.size()), 50, 200);
        }
    }

    /**
     * Issue 36, acceptance 1: {@code POST /api/courses/{id}/judgements} with 1,000 judgements (MET, each on another claim),
     * 12 batches of which 2 untimed, each followed by 20 signed-in {@code /api/me} (the same server's floor at that
     * moment): per judgement, and the control's p50, as medians over the batches.
     */
    static void batches(LoadedCourse loaded, List<Target> targets) throws Exception {
        String base = loaded.base();
        String trainer = loaded.trainer();
        List<Double> perJudgement = new ArrayList<>();
        List<Double> me = new ArrayList<>();
        for (int round = 0; round < 12; round++) {
            String body = batchBody(targets.subList(round * 1_000, round * 1_000 + 1_000));
            long started = System.nanoTime();
            HttpResponse<String> answer = Api.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/courses/" + loaded.course() + "/judgements"))
                    .header("Authorization", "Bearer " + trainer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - started) / 1e6;
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("the batch answered " + answer.statusCode() + ": " + answer.body());
            }
            List<Double> floor = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                floor.add(timed(() -> Api.get(base + "/api/me", trainer)));
            }
            System.out.printf("batch %d: 1,000 judgements in %.0f ms = %.3f ms per judgement; /api/me p50 %.2f ms%n", round + 1, millis,
                    millis / 1_000, percentile(floor, 50));
            if (round >= 2) {
                perJudgement.add(millis / 1_000);
                me.add(percentile(floor, 50));
            }
        }
        System.out.printf("1,000 judgements a request, median of 10 batches: %.3f ms per judgement; /api/me p50 beside them %.2f ms%n",
                percentile(perJudgement, 50), percentile(me, 50));
    }

    /** A batch judging each target MET. */
    static String batchBody(List<Target> targets) {
        StringBuilder batch = new StringBuilder("[");
        for (Target target : targets) {
            batch.append(batch.length() == 1 ? "" : ",").append("{\"evidenceId\":").append(target.evidenceId()).append(",\"indicator\":\"")
                    .append(target.indicator()).append("\",\"outcome\":\"MET\",\"comment\":\"基準\"}");
        }
        return batch.append(']').toString();
    }

    /** Random evidence of the loaded course with one of the indicators it claims. */
    static List<Target> targets(LoadedCourse loaded, int count) throws Exception {
        List<Target> targets = new ArrayList<>();
        try (Connection connection = loaded.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.evidence_id, s.code || ':' || i.code FROM evidence_indicator c"
                     + " JOIN indicator i ON i.indicator_id = c.indicator_id JOIN standard s ON s.standard_id = i.standard_id"
                     + " ORDER BY random() LIMIT " + count)) {
            while (rows.next()) {
                targets.add(new Target(rows.getLong(1), rows.getString(2)));
            }
        }
        return targets;
    }

    /** The properties of an application context of its own on the loaded database. */
    static Map<String, Object> contextOn(LoadedCourse loaded, String name) throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", loaded.postgres().getJdbcUrl("postgres", "bench"));
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.password", "postgres");
        properties.put("app.jwt.secret", "a benchmark secret that is long enough for HS256");
        properties.put("app.badges.signing-key", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        properties.put("app.public-url", "https://training.example.org");
        properties.put("app.seeds.enabled", false);
        Path scratch = Files.createTempDirectory(Path.of("target"), name);
        properties.put("app.evidence.local-dir", scratch.resolve("evidence").toString());
        properties.put("app.evidence.staging-dir", scratch.resolve("incoming").toString());
        return properties;
    }

    private static void inProcess(LoadedCourse loaded, List<Target> targets, Actor trainer) throws Exception {
        try (ApplicationContext context = ApplicationContext.run(contextOn(loaded, "judgement-bench-context"), Environment.CLI)) {
            JudgementService judgements = context.getBean(JudgementService.class);
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                Target target = targets.get(i);
                Views.JudgeRequest request = new Views.JudgeRequest(target.indicator(), i % 5 == 0 ? "NOT_YET" : "MET", "基準");
                long started = System.nanoTime();
                judgements.judge(target.evidenceId(), request, trainer);
                if (i >= 1_000) {
                    millis.add((System.nanoTime() - started) / 1e6);
                }
            }
            System.out.printf("(1) one judgement's database work as the server does it (JudgementService.judge in process, %,d after 1,000"
                    + " untimed): median %.3f ms, p90 %.3f ms, p99 %.3f ms%n", millis.size(), percentile(millis, 50), percentile(millis, 90),
                    percentile(millis, 99));
            List<Double> derivation = new ArrayList<>();
            try (Connection connection = loaded.connection(); Statement statement = connection.createStatement();
                 ResultSet pairs = statement.executeQuery("SELECT v.enrollment_id, c.indicator_id FROM evidence_indicator c"
                         + " JOIN evidence v ON v.evidence_id = c.evidence_id ORDER BY random() LIMIT 1500")) {
                for (int i = 0; pairs.next(); i++) {
                    double derive = LedgerTiming.derive(context, pairs.getLong(1), pairs.getLong(2));
                    if (i >= 500) {
                        derivation.add(derive);
                    }
                }
            }
            System.out.printf("    of which the ledger's derivation of the judged pair (ProgressLedger.refresh, rolled back): median %.3f ms,"
                    + " p90 %.3f ms%n", percentile(derivation, 50), percentile(derivation, 90));
        }
    }

    private static void concurrent(String base, String token, List<Target> targets, int clients, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger errors = new AtomicInteger();
        long began = System.nanoTime();
        List<Future<List<Double>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                Random random = new Random(client);
                List<Double> millis = new ArrayList<>();
                for (int r = 0; r < each; r++) {
                    Target target = targets.get(random.nextInt(targets.size()));
                    long started = System.nanoTime();
                    if (judge(base, token, target) != 201) {
                        errors.incrementAndGet();
                    }
                    millis.add((System.nanoTime() - started) / 1e6);
                }
                return millis;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> result : results) {
            all.addAll(result.get());
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        System.out.printf("(3) judgements from %d concurrent clients × %d: %.0f judgements/s, p50 %.1f ms, p99 %.1f ms, %d errors%n",
                clients, each, all.size() / seconds, percentile(all, 50), percentile(all, 99), errors.get());
    }

    static int judge(String base, String token, Target target) throws Exception {
        HttpResponse<String> answer = Api.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/evidence/" + target.evidenceId() + "/judgements"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"indicator\":\"" + target.indicator() + "\",\"outcome\":\"MET\",\"comment\":\"基準\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            System.out.println("judgement answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.statusCode();
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static double timed(Call call) throws Exception {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1e6;
    }

    static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
