package tw.training.bench;

import tw.training.testing.FormClient;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Issue 15, point 7: the learner's course page ({@code GET /enrollments/{id}}, the plan with every indicator, its
 * evidence, judgements and comments) against {@code GET /api/enrollments/{id}/progress} for the same enrollment and
 * the same learner, on the progress benchmark's course ({@link LoadedCourse}: 10,000 learners, 50 indicators, 5
 * pieces of evidence each judged on every indicator). Learners sign in as they would (the page's form, the API's
 * {@code POST /login}); each is asked both ways in alternating order, one request at a time, timed to the last byte.
 * <p>
 * {@code mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * && java -cp target/test-classes:$(cat target/test.classpath) tw.training.bench.PageBenchmark [learners]}
 */
public final class PageBenchmark {

    /** Each learner signs in twice (page and API): 12 keeps within the sign-in rate of one source (30 a minute). */
    private static final int SAMPLED = 12;
    /**
     * Untimed rounds first, until both paths run compiled: FreeMarker's interpreter takes some thousands of pages to
     * be compiled by the JIT (a render measured in a loop of its own: 0.5 ms after 500, 0.19 ms after 6,000), the API's
     * shorter path far fewer; a server in use has long passed this point.
     */
    private static final int WARM_ROUNDS = Integer.getInteger("warmRounds", 400);
    /** {@code -Drounds=…} for more, e.g. under a profiler ({@code -DserverJvm=-XX:StartFlightRecording=filename=page.jfr}). */
    private static final int TIMED_ROUNDS = Integer.getInteger("rounds", 100);

    private PageBenchmark() {
    }

    private record Learner(long enrollment, FormClient page, String token) {
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (LoadedCourse loaded = LoadedCourse.start(learners, "page-bench")) {
            String base = loaded.base();
            Random random = new Random(15);
            List<Learner> sample = new ArrayList<>();
            for (int i = 0; i < SAMPLED; i++) {
                // half of them among the learners whose plan is unfinished (LoadedCourse: every fifth, one indicator last
                // judged NOT_YET), whose page also reads the claims still open
                int n = 5 * random.nextInt(learners / 5) + (i % 2 == 0 ? 0 : 1 + random.nextInt(4));
                // LoadedCourse: learner n is "learner<n>", enrolled as enrollment n + 1, with the benchmark's password
                String username = "learner" + n;
                sample.add(new Learner(n + 1, new FormClient(base, "zh-TW").signIn(username, LoadedCourse.PASSWORD),
                        Api.login(base, username, LoadedCourse.PASSWORD)));
            }
            List<Double> pageMillis = new ArrayList<>();
            List<Double> apiMillis = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> unfinishedRatios = new ArrayList<>();
            long pageBytes = 0;
            long apiBytes = 0;
            for (int round = 0; round < WARM_ROUNDS + TIMED_ROUNDS; round++) {
                boolean timed = round >= WARM_ROUNDS;
                for (int i = 0; i < sample.size(); i++) {
                    Learner learner = sample.get(i);
                    // alternate which goes first, so neither always finds the other's rows in the cache
                    boolean pageFirst = (round + i) % 2 == 0;
                    double[] pair = new double[2];
                    boolean unfinished = false;
                    for (int turn = 0; turn < 2; turn++) {
                        if ((turn == 0) == pageFirst) {
                            long started = System.nanoTime();
                            HttpResponse<String> page = learner.page().get("/enrollments/" + learner.enrollment());
                            double millis = (System.nanoTime() - started) / 1e6;
                            if (page.statusCode() != 200 || !page.body().contains("max=\"50\"")) {
                                throw new IllegalStateException("unexpected course page: " + page.statusCode());
                            }
                            pair[0] = millis;
                            if (timed) {
                                pageMillis.add(millis);
                                pageBytes = page.body().length();
                            }
                        } else {
                            long started = System.nanoTime();
                            String progress = Api.get(base + "/api/enrollments/" + learner.enrollment() + "/progress", learner.token());
                            double millis = (System.nanoTime() - started) / 1e6;
                            if (!progress.contains("\"indicatorsTotal\":50")) {
                                throw new IllegalStateException("unexpected progress answer");
                            }
                            pair[1] = millis;
                            unfinished = progress.contains("\"complete\":false");
                            if (timed) {
                                apiMillis.add(millis);
                                apiBytes = progress.length();
                            }
                        }
                    }
                    if (timed) {
                        ratios.add(pair[0] / pair[1]);
                        if (unfinished) {
                            unfinishedRatios.add(pair[0] / pair[1]);
                        }
                    }
                }
            }
            double page = Api.median(pageMillis);
            double api = Api.median(apiMillis);
            System.out.printf("%d learners of %,d, %d untimed rounds then %d timed, each learner asked both ways per round, one request at a time:%n",
                    SAMPLED, learners, WARM_ROUNDS, TIMED_ROUNDS);
            System.out.printf("GET /enrollments/{id} (the course page, %,d characters): median %.1f ms, p90 %.1f ms%n", pageBytes, page,
                    percentile(pageMillis, 0.9));
            System.out.printf("GET /api/enrollments/{id}/progress (%,d characters): median %.1f ms, p90 %.1f ms%n", apiBytes, api,
                    percentile(apiMillis, 0.9));
            System.out.printf("page / API = %.2f (target: at most 2); the median of the %d pairs' own ratios (page and API asked"
                    + " back to back, so both meet the same moment of this shared machine): %.2f%n", page / api, ratios.size(), Api.median(ratios));
            System.out.printf("    the pairs of learners whose plan is unfinished (%d): median ratio %.2f%n", unfinishedRatios.size(), Api.median(unfinishedRatios));
            floors(base, sample);
        }
    }

    /**
     * For scale, the cheapest signed-in answer each way: a page with no data of its own (session, layout, headers)
     * and the caller's own account from the API (token, one read).
     */
    private static void floors(String base, List<Learner> sample) throws Exception {
        List<Double> pageMillis = new ArrayList<>();
        List<Double> apiMillis = new ArrayList<>();
        for (int round = 0; round < 20 + TIMED_ROUNDS; round++) {
            for (Learner learner : sample) {
                long started = System.nanoTime();
                learner.page().get("/account/password");
                double page = (System.nanoTime() - started) / 1e6;
                started = System.nanoTime();
                Api.get(base + "/api/me", learner.token());
                double api = (System.nanoTime() - started) / 1e6;
                if (round >= 20) {
                    pageMillis.add(page);
                    apiMillis.add(api);
                }
            }
        }
        System.out.printf("    for scale, GET /account/password (a page without data): median %.1f ms; GET /api/me: median %.1f ms%n",
                Api.median(pageMillis), Api.median(apiMillis));
    }

    private static double percentile(List<Double> values, double share) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * share)));
    }
}
