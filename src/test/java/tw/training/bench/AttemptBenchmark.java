package tw.training.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 18, acceptance 6: learners close a 50-item written-test attempt at the same time, on PostgreSQL, against the
 * packaged jar. A course of THM2431-001v1 T1.1 (its indicators each by written test only), a bank of twelve single
 * choices for each of the first five, a test drawing ten for each of them (50 items) with a pass mark of 60 %; every learner signs in,
 * starts an attempt and answers its 50 items; then every one submits at once (all threads released together), each
 * request timed by its client to the last byte. A first group closes one by one beforehand, untimed, to warm the
 * server. Afterwards: every attempt closed once (one evidence each, five system judgements each), and the ledger equal
 * to a rebuild of it from the judgements.
 * <p>
 * {@code mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * && java -cp target/test-classes:$(cat target/test.classpath) tw.training.bench.AttemptBenchmark [learners]}
 */
public final class AttemptBenchmark {

    private static final int WARM = 100;
    private static final Pattern ITEM = Pattern.compile("\"itemId\":(\\d+)");
    private static final String TASK = "T1.1";

    private AttemptBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        // every learner signs in once: the sign-in rate (a guard against guessing) is opened for the benchmark's one source
        try (LoadedCourse loaded = LoadedCourse.start(learners + WARM, "attempt-bench",
                Map.of("APP_LOGIN_RATE_ALL", "100000", "APP_LOGIN_RATE_PER_SOURCE", "100000"))) {
            String base = loaded.base();
            String trainer = loaded.trainer();
            long course = Api.id(Api.post(base + "/api/courses", trainer, "{\"code\":\"ATTEMPT\",\"title\":\"筆試基準\",\"hours\":10}"));
            Api.post(base + "/api/courses/" + course + "/alignments", trainer,
                    "{\"standardCode\":\"THM2431-001v1\",\"taskCode\":\"" + TASK + "\",\"methods\":[\"WRITTEN_TEST\"]}");
            // the first five indicators of the task, ten items drawn for each
            List<String> indicators = indicators(Api.get(base + "/api/courses/" + course, trainer)).subList(0, 5);
            StringBuilder bank = new StringBuilder("kind,stem,options,answer,indicators\n");
            for (String indicator : indicators) {
                for (int n = 1; n <= 12; n++) {
                    bank.append("SINGLE_CHOICE,").append(indicator).append(" 第 ").append(n).append(" 題,甲|乙|丙|丁,").append(1 + n % 4).append(',')
                            .append(indicator).append('\n');
                }
            }
            Api.send(base + "/api/courses/" + course + "/items", trainer, "POST", "text/csv", bank.toString());
            Api.post(base + "/api/courses/" + course + "/publish", trainer, "{}");
            StringBuilder roster = new StringBuilder("username\n");
            for (int i = 0; i < learners + WARM; i++) {
                roster.append("learner").append(i).append('\n');
            }
            Api.send(base + "/api/courses/" + course + "/enrollments/bulk", trainer, "POST", "text/csv", roster.toString());
            StringBuilder tested = new StringBuilder();
            for (String indicator : indicators) {
                tested.append(tested.length() == 0 ? "" : ",").append("{\"indicator\":\"").append(indicator).append("\",\"items\":10,\"passMark\":60}");
            }
            long test = Api.id(Api.post(base + "/api/courses/" + course + "/tests", trainer,
                    "{\"title\":\"基準筆試\",\"timeLimitMinutes\":240,\"maxAttempts\":1,\"indicators\":[" + tested + "]}"));

            Map<Long, Integer> key = key(Api.get(base + "/api/courses/" + course + "/items", trainer));
            long prepared = System.nanoTime();
            // half the learners answer every item right (their indicators met), half choose the first option
            List<Taker> takers = parallel(learners + WARM, 4, i -> prepare(base, "learner" + i, test, i % 2 == 0 ? key : Map.of()));
            System.out.printf("%d learners signed in, started a 50-item attempt and answered it in %.0f s%n", takers.size(),
                    (System.nanoTime() - prepared) / 1e9);

            List<Double> alone = new ArrayList<>();
            for (Taker taker : takers.subList(0, WARM)) {
                long started = System.nanoTime();
                submit(base, taker);
                alone.add((System.nanoTime() - started) / 1e6);
            }
            report("POST /api/attempts/{id}/submission, one at a time (" + WARM + ", the first ones warming the server)", alone.subList(WARM / 2, WARM));
            List<Taker> timed = takers.subList(WARM, takers.size());
            // the floor of any burst here: the cheapest signed-in request (token, session check, one read), as many at once
            double[] cpu = loaded.cpuSeconds();
            report("GET /api/me, " + timed.size() + " at once (the floor: a token checked and one row read)",
                    burst(timed, taker -> HttpRequest.newBuilder(URI.create(base + "/api/me")).header("Authorization", "Bearer " + taker.token()).build(),
                            body -> body.contains("\"username\"")));
            System.out.println("  " + cpuSince(loaded, cpu));
            cpu = loaded.cpuSeconds();
            // a lighter write at the same scale: each learner saves one answer again (lock, one update, commit)
            report("PUT /api/attempts/{id}/answers/{itemId}, " + timed.size() + " at once (an answer saved)",
                    burst(timed, taker -> HttpRequest.newBuilder(URI.create(base + "/api/attempts/" + taker.attempt() + "/answers/" + taker.firstItem()))
                            .header("Authorization", "Bearer " + taker.token()).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"choices\":[1]}")).build(), body -> body.contains("\"answeredAt\"")));
            System.out.println("  " + cpuSince(loaded, cpu));
            cpu = loaded.cpuSeconds();
            report("POST /api/attempts/{id}/submission, " + timed.size() + " at once (scored, evidence and 5 judgements recorded, progress derived;"
                    + " target: p99 at most 200 ms)", burst(timed, taker -> HttpRequest.newBuilder(URI.create(base + "/api/attempts/" + taker.attempt()
                    + "/submission")).header("Authorization", "Bearer " + taker.token()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    body -> body.contains("\"status\":\"SUBMITTED\"")));
            System.out.println("  " + cpuSince(loaded, cpu));

            check(loaded, course, learners + WARM);
        }
    }

    private interface Request {
        HttpRequest of(Taker taker);
    }

    private interface Check {
        boolean ok(String body);
    }

    /**
     * One request per learner, all released at one moment; each client connected beforehand (as a learner's open page has
     * its connection). Answers each request's time, its client's, to the last byte.
     */
    private static List<Double> burst(List<Taker> takers, Request request, Check check) throws Exception {
        CountDownLatch ready = new CountDownLatch(takers.size());
        CountDownLatch go = new CountDownLatch(1);
        return parallel(takers.size(), takers.size(), i -> {
            HttpClient client = HttpClient.newHttpClient();
            client.send(HttpRequest.newBuilder(URI.create(request.of(takers.get(i)).uri().resolve("/health").toString())).build(),
                    HttpResponse.BodyHandlers.discarding());
            ready.countDown();
            go.await();
            long started = System.nanoTime();
            HttpResponse<String> answer = client.send(request.of(takers.get(i)), HttpResponse.BodyHandlers.ofString());
            double elapsed = (System.nanoTime() - started) / 1e6;
            if (answer.statusCode() != 200 || !check.ok(answer.body())) {
                throw new IllegalStateException("answered " + answer.statusCode() + ": " + answer.body());
            }
            return elapsed;
        }, () -> {
            ready.await();
            go.countDown();
        });
    }

    /** The CPU seconds each side used since {@code before}. */
    private static String cpuSince(LoadedCourse loaded, double[] before) {
        double[] now = loaded.cpuSeconds();
        return String.format("CPU: server %.2f s, PostgreSQL %.2f s, clients %.2f s", now[0] - before[0], now[1] - before[1], now[2] - before[2]);
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("%s: median %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n", what, Api.median(sorted), percentile(sorted, 0.90),
                percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    /** Per item of the bank, its correct option. */
    private static Map<Long, Integer> key(String items) {
        Map<Long, Integer> key = new java.util.HashMap<>();
        Matcher item = Pattern.compile("\\{\"id\":(\\d+),\"kind\":\"SINGLE_CHOICE\",\"stem\":\"[^\"]*\",\"options\":\\[(.*?)]").matcher(items);
        while (item.find()) {
            Matcher correct = Pattern.compile("\"id\":(\\d+),\"text\":\"[^\"]*\",\"correct\":true").matcher(item.group(2));
            if (correct.find()) {
                key.put(Long.parseLong(item.group(1)), Integer.parseInt(correct.group(1)));
            }
        }
        return key;
    }

    /** A learner with their open attempt. */
    private record Taker(String token, long attempt, long firstItem) {
    }

    /** Signs in, starts an attempt and answers each item: by the key when given, else the first option. */
    private static Taker prepare(String base, String username, long test, Map<Long, Integer> key) throws Exception {
        String token = Api.login(base, username, LoadedCourse.PASSWORD);
        String attempt = Api.post(base + "/api/tests/" + test + "/attempts", token, "{}");
        long id = Api.id(attempt);
        Matcher item = ITEM.matcher(attempt);
        int n = 0;
        long first = 0;
        while (item.find()) {
            Api.send(base + "/api/attempts/" + id + "/answers/" + item.group(1), token, "PUT", "application/json",
                    "{\"choices\":[" + key.getOrDefault(Long.parseLong(item.group(1)), 1) + "]}");
            first = n++ == 0 ? Long.parseLong(item.group(1)) : first;
        }
        if (n != 50) {
            throw new IllegalStateException("expected 50 items, the attempt has " + n);
        }
        return new Taker(token, id, first);
    }

    private static void submit(String base, Taker taker) throws Exception {
        Api.post(base + "/api/attempts/" + taker.attempt() + "/submission", taker.token(), "{}");
    }

    /** Every attempt closed once, and the ledger what a rebuild derives from the judgements. */
    private static void check(LoadedCourse loaded, long course, int attempts) throws Exception {
        try (Connection connection = loaded.connection(); Statement statement = connection.createStatement()) {
            long closed = count(statement, "SELECT COUNT(*) FROM attempt WHERE status = 'SUBMITTED' AND evidence_id IS NOT NULL");
            long evidence = count(statement, "SELECT COUNT(*) FROM evidence v JOIN enrollment e ON e.enrollment_id = v.enrollment_id"
                    + " WHERE e.course_id = " + course + " AND v.method = 'WRITTEN_TEST'");
            long distinct = count(statement, "SELECT COUNT(DISTINCT evidence_id) FROM attempt");
            long judgements = count(statement, "SELECT COUNT(*) FROM judgement j JOIN app_user u ON u.user_id = j.assessor_id WHERE u.username = '(system)'");
            System.out.printf("attempts closed with their evidence: %d of %d; WRITTEN_TEST evidence: %d (distinct per attempt: %d);"
                    + " system judgements: %d (5 per attempt: %d)%n", closed, attempts, evidence, distinct, judgements, attempts * 5L);
            if (closed != attempts || evidence != attempts || distinct != attempts || judgements != attempts * 5L) {
                throw new IllegalStateException("an attempt was lost or scored twice");
            }
            String ledger = ledger(statement, course);
            loaded.rebuildProgress();
            String rebuilt = ledger(statement, course);
            System.out.printf("ledger of the course (%d characters) %s the rebuild from the judgements%n", ledger.length(),
                    ledger.equals(rebuilt) ? "equals" : "DIFFERS FROM");
            if (!ledger.equals(rebuilt)) {
                throw new IllegalStateException("the ledger and its rebuild differ");
            }
        }
    }

    private static String ledger(Statement statement, long course) throws Exception {
        StringBuilder rows = new StringBuilder();
        try (ResultSet satisfied = statement.executeQuery("SELECT s.enrollment_id, s.indicator_id, s.method, s.evidence_id, s.judgement_id"
                + " FROM satisfaction s JOIN enrollment e ON e.enrollment_id = s.enrollment_id WHERE e.course_id = " + course
                + " ORDER BY 1, 2, 3")) {
            while (satisfied.next()) {
                rows.append(satisfied.getLong(1)).append(',').append(satisfied.getLong(2)).append(',').append(satisfied.getString(3)).append(',')
                        .append(satisfied.getLong(4)).append(',').append(satisfied.getLong(5)).append('\n');
            }
        }
        try (ResultSet progress = statement.executeQuery("SELECT p.enrollment_id, p.indicators_met, e.status FROM enrollment_progress p"
                + " JOIN enrollment e ON e.enrollment_id = p.enrollment_id WHERE e.course_id = " + course + " ORDER BY 1")) {
            while (progress.next()) {
                rows.append(progress.getLong(1)).append(':').append(progress.getInt(2)).append(':').append(progress.getString(3)).append('\n');
            }
        }
        return rows.toString();
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<String> indicators(String course) {
        List<String> ids = new ArrayList<>();
        Matcher id = Pattern.compile("\"id\":\"(THM2431-001v1:P[0-9.]+)\"").matcher(course);
        while (id.find()) {
            if (!ids.contains(id.group(1))) {
                ids.add(id.group(1));
            }
        }
        return ids;
    }

    private interface Work<T> {
        T run(int index) throws Exception;
    }

    private interface Release {
        void run() throws Exception;
    }

    private static <T> List<T> parallel(int count, int threads, Work<T> work) throws Exception {
        return parallel(count, threads, work, () -> { });
    }

    private static <T> List<T> parallel(int count, int threads, Work<T> work, Release release) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> work.run(index)));
            }
            release.run();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(List<Double> sorted, double share) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(share * sorted.size()) - 1));
    }
}
