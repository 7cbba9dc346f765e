package tw.training.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 7's figures: the certification report of a 1,000-learner course (the same bulk-loaded course as the
 * progress benchmark, with half of its complete enrollments certified through the API) in each format, timed
 * over HTTP from request to last byte, median of 5 after one warm-up request each.
 * <p>
 * {@code mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * && java -cp target/test-classes:$(cat target/test.classpath) tw.training.bench.ReportBenchmark [learners]}
 */
public final class ReportBenchmark {

    private static final Map<String, String> FORMATS = Map.of("HTML", "text/html", "CSV", "text/csv", "PDF", "application/pdf",
            "JSON", "application/json");

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        try (LoadedCourse loaded = LoadedCourse.start(learners, "report-bench")) {
            List<Long> complete = new ArrayList<>();
            try (Connection connection = loaded.connection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT enrollment_id FROM enrollment WHERE status = 'COMPLETED' ORDER BY enrollment_id")) {
                while (rows.next()) {
                    complete.add(rows.getLong(1));
                }
            }
            long started = System.nanoTime();
            String number = null;
            for (long enrollment : complete.subList(0, complete.size() / 2)) {
                String issued = Api.post(loaded.base() + "/api/enrollments/" + enrollment + "/certificate", loaded.admin(), "{}");
                number = issued.replaceAll("(?s).*\"number\":\"([^\"]+)\".*", "$1");
            }
            System.out.printf("%d of %d enrollments complete; %d certificates issued through the API in %.1f s%n", complete.size(), learners,
                    complete.size() / 2, (System.nanoTime() - started) / 1e9);

            time("certificate " + number, loaded.base() + "/api/certificates/" + number, loaded.admin(), List.of("HTML", "PDF"));
            time("certification report", loaded.base() + "/api/reports/certification?courseId=" + loaded.course(), loaded.admin(),
                    List.of("JSON", "CSV", "HTML", "PDF"));
        }
    }

    /** Each format of one document, over HTTP from request to last byte. */
    private static void time(String what, String uri, String token, List<String> formats) throws Exception {
        for (String format : formats) {
            List<Double> millis = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < 6; i++) {
                long begin = System.nanoTime();
                HttpResponse<byte[]> response = Api.HTTP.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", FORMATS.get(format))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(format + " answered " + response.statusCode());
                }
                if (i > 0) {
                    millis.add((System.nanoTime() - begin) / 1e6);
                }
                bytes = response.body().length;
                // -Dsave=folder keeps one report of each format to look at
                if (System.getProperty("save") != null) {
                    Files.write(Path.of(System.getProperty("save"), what.split(" ")[0] + "." + format.toLowerCase()), response.body());
                }
            }
            System.out.printf("%s as %-4s: median %.0f ms (%s), %,d bytes%n", what, format, Api.median(millis),
                    Api.round(millis), bytes);
        }
    }
}
