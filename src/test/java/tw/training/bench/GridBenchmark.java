package tw.training.bench;

import tw.training.testing.FormClient;
import tw.training.testing.GridForm;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Issue 16, point 5 (the grid's half): the judging grid of one task ({@code T1.1}, 5 indicators) of the progress
 * benchmark's course ({@link LoadedCourse}: 10,000 learners, 5 pieces of evidence each judged on every indicator), 50
 * learners a page, pages drawn at random from all 200; then saves of 50 cells (50 learners of a page on one
 * indicator) in one request each, every cell re-judging its latest piece. Times are the client's, to the last byte
 * of the answer: they bound the server's time from above.
 * <p>
 * {@code mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * && java -cp target/test-classes:$(cat target/test.classpath) tw.training.bench.GridBenchmark [learners]}
 */
public final class GridBenchmark {

    private static final int WARM = 100;
    private static final int TIMED = 400;
    private static final int SAVES = 40;
    private static final String TASK = "THM2431-001v1:T1.1";

    private GridBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (LoadedCourse loaded = LoadedCourse.start(learners, "grid-bench")) {
            FormClient assessor = new FormClient(loaded.base(), "zh-TW").signIn("bench.trainer", LoadedCourse.PASSWORD);
            String grid = "/courses/" + loaded.course() + "/grid";
            int pages = (learners + 49) / 50;
            Random random = new Random(16);
            List<Double> shown = new ArrayList<>();
            long characters = 0;
            for (int round = 0; round < WARM + TIMED; round++) {
                String path = grid + "?task=" + TASK + "&page=" + (1 + random.nextInt(pages));
                long started = System.nanoTime();
                HttpResponse<String> page = assessor.get(path);
                double millis = (System.nanoTime() - started) / 1e6;
                if (page.statusCode() != 200 || !page.body().contains("id=\"grid-form\"")) {
                    throw new IllegalStateException("unexpected grid page: " + page.statusCode());
                }
                if (round >= WARM) {
                    shown.add(millis);
                    characters = page.body().length();
                }
            }
            List<Double> saved = new ArrayList<>();
            for (int round = 0; round < SAVES; round++) {
                String path = grid + "?task=" + TASK + "&page=" + (1 + random.nextInt(pages));
                String body = assessor.get(path).body();
                GridForm form = GridForm.of(body);
                Map<String, String> outcomes = new LinkedHashMap<>();
                String outcome = round % 2 == 0 ? "NOT_YET" : "MET";
                form.keys().stream().filter(key -> key.endsWith(":" + firstIndicator(form))).forEach(key -> outcomes.put(key, outcome));
                if (outcomes.size() != 50) {
                    throw new IllegalStateException("expected 50 cells of one indicator, found " + outcomes.size());
                }
                long started = System.nanoTime();
                HttpResponse<String> answer = assessor.post(grid, form.with(outcomes, "benchmark"));
                double millis = (System.nanoTime() - started) / 1e6;
                if (answer.statusCode() != 303 || !answer.headers().firstValue("Location").orElse("").endsWith("saved=50")) {
                    throw new IllegalStateException("unexpected save: " + answer.statusCode() + " " + answer.headers().firstValue("Location"));
                }
                saved.add(millis);
            }
            System.out.printf("GET %s?task=%s&page=… (50 learners x 5 indicators, %,d characters), %d pages at random: median %.1f ms,"
                    + " p90 %.1f ms, max %.1f ms (target: at most 50 ms)%n", grid, TASK, characters, TIMED, Api.median(shown), percentile(shown, 0.9),
                    Collections.max(shown));
            System.out.printf("POST %s, 50 cells in one request (50 judgements, progress of 50 learners derived again), %d saves: median %.1f ms,"
                    + " p90 %.1f ms, max %.1f ms%n", grid, SAVES, Api.median(saved), percentile(saved, 0.9), Collections.max(saved));
        }
    }

    private static String firstIndicator(GridForm form) {
        String first = form.keys().get(0);
        return first.substring(first.indexOf(':') + 1);
    }

    private static double percentile(List<Double> values, double share) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(share * sorted.size()) - 1));
    }
}
