package tw.training.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import tw.training.account.AccountService;
import tw.training.account.CreateUserRequest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestDatabases;
import tw.training.testing.TestFolders;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 31, acceptance 3: a Big5 CSV of {@code rows} learners with a Chinese header, each enrolled in a course, previewed
 * and then imported with invitations through {@code POST /api/users/import}, on an H2 file database (the embedded
 * default) and on the embedded PostgreSQL 17, each timed from the request's first byte to the answer's last. Three
 * rounds per database, each with a fresh server and database.
 * <p>
 * {@code mvn -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * && java -cp target/test-classes:target/classes:$(cat target/test.classpath) tw.training.bench.ImportBenchmark 500}
 */
public final class ImportBenchmark {

    private static final int ROUNDS = 3;
    private static final String PASSWORD = "bench passphrase that is long";

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        StringBuilder csv = new StringBuilder("帳號,姓名,電子郵件,角色,課程代碼\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("bench.").append(i).append(",學員").append(i).append(" 王小明,bench").append(i).append("@example.org,學員,BENCH-1\r\n");
        }
        byte[] big5 = csv.toString().getBytes(Charset.forName("Big5"));
        for (String database : List.of("h2", "postgres")) {
            List<Double> previews = new ArrayList<>();
            List<Double> imports = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                Map<String, Object> properties = new HashMap<>(database.equals("h2") ? h2File() : TestDatabases.freshPostgres());
                properties.putAll(TestFolders.localEvidence());
                properties.put("micronaut.server.port", -1);
                properties.put("app.seeds.enabled", true);
                try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                    String base = server.getURL().toString();
                    AccountService accounts = server.getApplicationContext().getBean(AccountService.class);
                    accounts.create(new CreateUserRequest("bench.admin", "管理", "admin@example.org", PASSWORD, List.of("ADMIN")), null);
                    accounts.create(new CreateUserRequest("bench.trainer", "講師", "trainer@example.org", PASSWORD, List.of("TRAINER")), null);
                    io.micronaut.http.client.HttpClient client = io.micronaut.http.client.HttpClient.create(server.getURL());
                    PortfolioCourse.publish(client, Api.login(base, "bench.trainer", PASSWORD), "BENCH-1", "客訴處理實務");
                    String admin = Api.login(base, "bench.admin", PASSWORD);
                    previews.add(timed(base + "/api/users/import?mode=preview", admin, big5, "\"valid\":" + rows));
                    imports.add(timed(base + "/api/users/import?mode=all", admin, big5, "\"created\":" + rows));
                    client.close();
                }
            }
            System.out.printf("%s, %d rows: preview median %.0f ms (%s); import with invitations and enrollments median %.0f ms (%s)%n",
                    database, rows, Api.median(previews), Api.round(previews), Api.median(imports), Api.round(imports));
        }
    }

    private static Map<String, Object> h2File() throws Exception {
        Path folder = Files.createTempDirectory("import-bench");
        return Map.of("datasources.default.url", "jdbc:h2:file:" + folder.resolve("competency")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "datasources.default.username", "sa", "datasources.default.password", "", "app.data-dir", folder.toString());
    }

    private static double timed(String url, String token, byte[] body, String expected) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = Api.HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - started) / 1e6;
        if (answer.statusCode() != 200 || !answer.body().contains(expected)) {
            throw new IllegalStateException("unexpected answer " + answer.statusCode() + ": " + answer.body().substring(0, Math.min(500, answer.body().length())));
        }
        return millis;
    }
}
