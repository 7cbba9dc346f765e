package tw.training.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.TestUsers;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded, bounded fuzz of every route the router knows: valid requests of each, then mutated — path values,
 * bodies with fields dropped, retyped, emptied, oversized or holding text that is no text, broken JSON and
 * multipart, wrong content types — sent by each kind of user and by nobody. Whatever comes in, the answer is
 * never a 5xx, and no error names a Java or library type. The seed and the count can be set
 * ({@code -Dfuzz.seed=…}, {@code -Dfuzz.requests=…}); a failure names the seed and the request.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzTest implements DatabaseTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);
    private static final String STANDARD = "TSA4224-001v2";
    /** What an error body must never show: class names of Java, the libraries or ours, or exception names. */
    private static final Pattern LEAK = Pattern.compile(
            "\\b(java|javax|jakarta|io\\.micronaut|io\\.netty|org\\.h2|org\\.postgresql|com\\.fasterxml|com\\.zaxxer|tw\\.training)\\.[a-z]"
                    + "|\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\bat [a-z]+\\.[a-z]+\\.");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    /** Far beyond any answer on a slow machine; reached only when the server does not answer at all. */
    private static final Duration NO_ANSWER = Duration.ofSeconds(60);

    @Inject
    @Client("/")
    io.micronaut.http.client.HttpClient micronaut;

    @Inject
    ApplicationContext context;

    @Inject
    Router router;

    private final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(NO_ANSWER).build();
    private final Map<String, String> tokens = new TreeMap<>();
    private final Map<String, List<String>> values = new TreeMap<>();
    private String document;

    /** A real OpenID Connect provider, so that its sign-in routes (issue 32) are among those fuzzed. */
    private static tw.training.testing.IdentityProvider provider;

    @Override
    public Map<String, String> getProperties() {
        if (provider == null) {
            provider = new tw.training.testing.IdentityProvider();
        }
        Map<String, String> properties = new java.util.HashMap<>(DatabaseTest.super.getProperties());
        properties.putAll(provider.properties("fuzz", "fuzz", true));
        return properties;
    }

    @org.junit.jupiter.api.AfterAll
    void stopProvider() {
        provider.close();
        provider = null;
    }

    @BeforeAll
    void aCertifiedLearnerAndTheirCourse() throws IOException {
        TestUsers users = TestUsers.of(context, micronaut);
        tokens.put("admin", users.tokenFor("fuzz.admin", Roles.ADMIN));
        tokens.put("trainer", users.tokenFor("fuzz.trainer", Roles.TRAINER));
        tokens.put("learner", users.tokenFor("fuzz.learner", Roles.LEARNER));
        tokens.put("stranger", users.tokenFor("fuzz.stranger", Roles.LEARNER, Roles.TRAINER));
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/documents/standard-front-desk.txt"))) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpClient http = micronaut;
        http.toBlocking().exchange(HttpRequest.POST("/api/standards", document.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(tokens.get("trainer")));
        long course = id(post("/api/courses", Map.of("code", "FZ-1", "title", "模糊測試", "hours", 6), "trainer"));
        post("/api/courses/" + course + "/alignments", Map.of("standardCode", STANDARD, "taskCode", "T1.1", "methods", List.of("OBSERVATION")), "trainer");
        Map<?, ?> module = post("/api/courses/" + course + "/modules", Map.of("title", "模組", "hours", 3, "tasks", List.of(STANDARD + ":T1.1")), "trainer");
        post("/api/courses/" + course + "/publish", Map.of(), "trainer");
        long enrollment = id(post("/api/courses/" + course + "/enrollments", Map.of("username", "fuzz.learner"), "trainer"));
        MultipartBody evidence = MultipartBody.builder().addPart("metadata", "{\"method\":\"OBSERVATION\",\"title\":\"觀察\",\"indicators\":[\""
                + STANDARD + ":P1.1.1\",\"" + STANDARD + ":P1.1.2\"]}")
                .addPart("file", "note.txt", MediaType.TEXT_PLAIN_TYPE, "觀察紀錄".getBytes(StandardCharsets.UTF_8)).build();
        Map<?, ?> submitted = http.toBlocking().retrieve(HttpRequest.POST("/api/enrollments/" + enrollment + "/evidence", evidence)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(tokens.get("learner")), Map.class);
        long evidenceId = id(submitted);
        long fileId = ((Number) ((Map<?, ?>) ((List<?>) submitted.get("files")).get(0)).get("id")).longValue();
        http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course + "/judgements", List.of(
                Map.of("evidenceId", evidenceId, "indicator", STANDARD + ":P1.1.1", "outcome", "MET"),
                Map.of("evidenceId", evidenceId, "indicator", STANDARD + ":P1.1.2", "outcome", "MET"))).bearerAuth(tokens.get("trainer")));
        Map<?, ?> certificate = post("/api/enrollments/" + enrollment + "/certificate", Map.of(), "admin");
        String verification = (String) certificate.get("verificationUrl");

        values.put("id", List.of(String.valueOf(course), String.valueOf(enrollment), String.valueOf(evidenceId)));
        values.put("fileId", List.of(String.valueOf(fileId)));
        values.put("moduleId", List.of(String.valueOf(id(((List<Map<?, ?>>) module.get("modules")).get(0)))));
        values.put("number", List.of((String) certificate.get("number")));
        values.put("token", List.of(verification.substring(verification.lastIndexOf('/') + 1)));
        values.put("code", List.of(STANDARD, "KPS5294-001v4"));
        // users the fuzz may disable, reset or change: not those whose tokens it signs in with
        users.create("fuzz.other", Roles.LEARNER);
        values.put("username", List.of("fuzz.other", "fuzz.nobody"));
        values.put("taskId", List.of(STANDARD + ":T1.1"));
        values.put("indicatorId", List.of(STANDARD + ":P1.1.1"));
        values.put("n", List.of("1"));
        values.put("provider", List.of("fuzz", "nowhere"));
        values.put("identityId", List.of("1"));
    }

    @Test
    void noRequestGetsAServerErrorOrALeakedTypeName() throws Exception {
        Random random = new Random(SEED);
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
                .filter(route -> !route.getUriMatchTemplate().toString().startsWith("/test/"))
                .sorted((a, b) -> (a.getHttpMethodName() + a.getUriMatchTemplate()).compareTo(b.getHttpMethodName() + b.getUriMatchTemplate()))
                .toList();
        Map<Integer, Integer> histogram = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS && failures.size() < 10; i++) {
            UriRouteInfo<?, ?> route = routes.get(random.nextInt(routes.size()));
            // the first pass over the routes is unmutated: each route is also tried as it is meant to be used
            boolean mutate = i >= routes.size() * 2;
            if (i % 250 == 0) {
                signInAgain();
            }
            Attempt attempt = attempt(route, mutate, random);
            HttpResponse<String> answer;
            try {
                answer = client.send(attempt.request(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException closed) {
                // a connection the server closed after refusing a body early may have been reused: once more, anew
                try {
                    answer = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                            .send(attempt.request(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException again) {
                    failures.add("seed " + SEED + " request " + i + ": " + attempt + " → no answer: " + again);
                    continue;
                }
            }
            histogram.merge(answer.statusCode(), 1, Integer::sum);
            String body = answer.body();
            Matcher leak = LEAK.matcher(body);
            if (answer.statusCode() >= 500 || answer.statusCode() >= 400 && leak.find()) {
                failures.add("seed " + SEED + " request " + i + ": " + attempt + " → " + answer.statusCode() + " "
                        + (body.length() > 400 ? body.substring(0, 400) : body));
            }
        }
        System.out.println("fuzz seed " + SEED + ", " + REQUESTS + " requests over " + routes.size() + " routes, statuses " + histogram);
        assertEquals(List.of(), failures);
        assertTrue(histogram.keySet().stream().anyMatch(status -> status < 300), "some requests succeed: " + histogram);
    }

    /** Fresh tokens now and then: a fuzzed request may end sessions (a password changed, roles changed). */
    private void signInAgain() {
        TestUsers users = TestUsers.of(context, micronaut);
        for (String who : List.of("admin", "trainer", "learner")) {
            try {
                tokens.put(who, users.login("fuzz." + who, TestUsers.PASSWORD));
            } catch (RuntimeException e) {
                // the fuzz reset this user's password or disabled them: their old token goes on being refused
            }
        }
    }

    /** A request and how it was made, for the failure message. */
    private record Attempt(java.net.http.HttpRequest request, String who, String contentType, String body) {
        @Override
        public String toString() {
            return request.method() + " " + request.uri().getRawPath() + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery())
                    + " as " + who + " (" + contentType + ") " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private Attempt attempt(UriRouteInfo<?, ?> route, boolean mutate, Random random) {
        String template = route.getUriMatchTemplate().toString();
        String method = route.getHttpMethodName();
        String path = path(template, mutate, random);
        String query = query(template, mutate, random);
        String[] who = {"admin", "trainer", "learner", "stranger", "nobody"};
        String actor = who[random.nextInt(who.length)];
        Bodies.Body body = Bodies.of(method, template, document, random, mutate);
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort() + path + query))
                .timeout(NO_ANSWER)
                .header("Accept", random.nextInt(4) == 0 ? List.of("text/html", "text/csv", "application/pdf", "*/*", "image/png").get(random.nextInt(5))
                        : "application/json");
        if (!actor.equals("nobody")) {
            request.header("Authorization", "Bearer " + (mutate && random.nextInt(20) == 0 ? tokens.get(actor) + "x" : tokens.get(actor)));
        }
        if (body.contentType() != null) {
            request.header("Content-Type", body.contentType());
        }
        boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        request.method(method, hasBody ? java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.bytes())
                : java.net.http.HttpRequest.BodyPublishers.noBody());
        return new Attempt(request.build(), actor, body.contentType(), hasBody ? body.preview() : "");
    }

    private String path(String template, boolean mutate, Random random) {
        String path = template.replaceAll("\\{\\?[^}]*}", "");
        Matcher variables = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1).replaceAll("[:*].*", "");
            List<String> known = values.getOrDefault(name, List.of("1"));
            String value = mutate && random.nextInt(3) == 0 ? Mutations.pathValue(random) : known.get(random.nextInt(known.size()));
            variables.appendReplacement(out, Matcher.quoteReplacement(encode(value)));
        }
        variables.appendTail(out);
        return out.toString();
    }

    private String query(String template, boolean mutate, Random random) {
        Matcher parameters = Pattern.compile("\\{\\?([^}]*)}").matcher(template);
        if (!parameters.find()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String name : parameters.group(1).split(",")) {
            if (random.nextBoolean()) {
                String value = mutate ? Mutations.pathValue(random) : values.getOrDefault(name, List.of(Mutations.plausible(name))).get(0);
                pairs.add(name + "=" + encode(value));
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Map<?, ?> post(String path, Object body, String who) {
        return micronaut.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(tokens.get(who)), Map.class);
    }

    private static long id(Map<?, ?> json) {
        return ((Number) json.get("id")).longValue();
    }
}
