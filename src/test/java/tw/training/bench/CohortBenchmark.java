package tw.training.bench;

import tw.training.testing.FormClient;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 16, point 5 (the cohort's half): the cohort page ({@code GET /courses/{id}/progress}: heat map and every
 * learner's summary) against {@code GET /api/courses/{id}/progress} on the progress benchmark's course
 * ({@link LoadedCourse}: 10,000 learners), the course's trainer asking both, alternately, timed to the last byte.
 * <p>
 * {@code mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * && java -cp target/test-classes:$(cat target/test.classpath) tw.training.bench.CohortBenchmark [learners]}
 */
public final class CohortBenchmark {

    private static final int WARM = 5;
    private static final int TIMED = 30;

    private CohortBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (LoadedCourse loaded = LoadedCourse.start(learners, "cohort-bench")) {
            String base = loaded.base();
            FormClient page = new FormClient(base, "zh-TW").signIn("bench.trainer", LoadedCourse.PASSWORD);
            String pagePath = "/courses/" + loaded.course() + "/progress";
            String api = base + "/api/courses/" + loaded.course() + "/progress";
            List<Double> pageMillis = new ArrayList<>();
            List<Double> apiMillis = new ArrayList<>();
            long pageChars = 0;
            long apiBytes = 0;
            for (int round = 0; round < WARM + TIMED; round++) {
                long started = System.nanoTime();
                HttpResponse<String> answer = page.get(pagePath);
                double millis = (System.nanoTime() - started) / 1e6;
                if (answer.statusCode() != 200 || !answer.body().contains("id=\"cohort\"")) {
                    throw new IllegalStateException("unexpected cohort page: " + answer.statusCode());
                }
                started = System.nanoTime();
                byte[] json = Api.getBytes(api, loaded.trainer());
                double apiTook = (System.nanoTime() - started) / 1e6;
                if (round >= WARM) {
                    pageMillis.add(millis);
                    apiMillis.add(apiTook);
                    pageChars = answer.body().length();
                    apiBytes = json.length;
                }
            }
            double pageMedian = Api.median(pageMillis);
            double apiMedian = Api.median(apiMillis);
            System.out.printf("GET %s (the cohort page, %,d characters): median %.0f ms (%s)%n", pagePath, pageChars, pageMedian, Api.round(pageMillis));
            System.out.printf("GET /api/courses/%d/progress (%,d bytes): median %.0f ms (%s)%n", loaded.course(), apiBytes, apiMedian,
                    Api.round(apiMillis));
            System.out.printf("page / API = %.2f (target: at most 2)%n", pageMedian / apiMedian);
        }
    }
}
