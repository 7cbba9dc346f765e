package tw.training.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.TestUsers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the framework refuses by itself answers in the same problem+json shape as the features. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorResponsesTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Test
    void unknownRouteIsANotFoundProblem() {
        HttpClientResponseException refused = refused(HttpRequest.GET("/api/nothing-here"));

        assertEquals(HttpStatus.NOT_FOUND, refused.getStatus());
        assertProblem(refused, "urn:competency:problem:not-found", 404);
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblem() {
        HttpClientResponseException refused = refused(HttpRequest.DELETE("/api/standards"));

        assertEquals(HttpStatus.METHOD_NOT_ALLOWED, refused.getStatus());
        assertProblem(refused, "urn:competency:problem:method-not-allowed", 405);
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthAnswersUpNamingItsDependenciesAndNothingOfTheMachine() {
        Map<String, Object> health = http.toBlocking().retrieve(HttpRequest.GET("/health"), Argument.mapOf(String.class, Object.class));
        String raw = http.toBlocking().retrieve(HttpRequest.GET("/health/readiness"));

        assertEquals("UP", health.get("status"));
        Map<String, Object> dependencies = (Map<String, Object>) ((Map<String, Object>) health.get("details")).get("dependencies");
        assertEquals(Map.of("database", "UP", "evidenceStore", "UP"), dependencies.get("details"));
        for (String machine : List.of("diskSpace", "jdbc", "/", "free", "threads")) {
            assertFalse(raw.contains(machine), raw);
        }
    }

    @Test
    void openApiDocumentAndItsBrowserAreServedLocally() {
        String spec = http.toBlocking().retrieve("/swagger/competency-backend-0.1.0.yml");
        String page = http.toBlocking().retrieve("/swagger-ui/index.html");

        assertTrue(spec.contains("/api/standards/{code}"), spec);
        assertTrue(page.contains("swagger-ui-bundle.js"));
        assertFalse(page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "Swagger UI must not load scripts or styles from a CDN");
        assertEquals(HttpStatus.OK, http.toBlocking().exchange("/swagger-ui/res/swagger-ui-bundle.js").getStatus());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aValueOfTheWrongTypeIsInvalidInputNamingItsFieldInTheClientsWords() {
        String trainer = TestUsers.of(context, http).tokenFor("wrong.types", Roles.TRAINER);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"code\":\"WT-1\",\"title\":\"t\",\"hours\":\"many\"}", "hours must be a number");
        cases.put("{\"code\":\"WT-1\",\"title\":\"t\",\"hours\":{}}", "hours must be a number");
        cases.put("{\"code\":{\"a\":1},\"title\":\"t\"}", "code must be text");

        for (Map.Entry<String, String> wrong : cases.entrySet()) {
            HttpClientResponseException refused = refused(HttpRequest.POST("/api/courses", wrong.getKey())
                    .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(trainer));

            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus(), wrong.getKey());
            assertProblem(refused, "urn:competency:problem:invalid-input", 422);
            Map<String, Object> error = ((List<Map<String, Object>>) refused.getResponse().getBody(Map.class).orElseThrow().get("errors")).get(0);
            assertEquals(wrong.getValue().substring(0, wrong.getValue().indexOf(' ')), error.get("field"));
            assertEquals(wrong.getValue(), error.get("message"));
        }
        HttpClientResponseException item = refused(HttpRequest.PUT("/api/courses/1/plan/KPS5294-001v4:P1.1.1", "{\"methods\":[{}]}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(trainer));
        assertEquals("methods[0]", ((List<Map<String, Object>>) item.getResponse().getBody(Map.class).orElseThrow().get("errors")).get(0).get("field"));
        assertEquals("methods[0] must be text", ((Map<String, Object>) item.getResponse().getBody(Map.class).orElseThrow()).get("detail"));
        HttpClientResponseException badId = refused(HttpRequest.GET("/api/courses/abc").bearerAuth(trainer));
        assertEquals(HttpStatus.BAD_REQUEST, badId.getStatus());
        assertEquals(List.of(Map.of("field", "id", "message", "id must be a whole number")),
                ((List<Map<String, Object>>) badId.getResponse().getBody(Map.class).orElseThrow().get("errors")).stream()
                        .map(error -> Map.of("field", error.get("field"), "message", error.get("message"))).toList(), "which segment, and what it must be");
        HttpClientResponseException broken = refused(HttpRequest.POST("/api/courses", "{\"code\":").contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(trainer));
        assertEquals(HttpStatus.BAD_REQUEST, broken.getStatus(), "JSON that is not JSON stays unreadable");
    }

    private HttpClientResponseException refused(HttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request));
    }

    @SuppressWarnings("unchecked")
    private static void assertProblem(HttpClientResponseException refused, String type, int status) {
        assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().toString());
        Map<String, Object> problem = refused.getResponse().getBody(Map.class).orElseThrow();
        assertEquals(type, problem.get("type"));
        assertEquals(status, problem.get("status"));
        assertTrue(problem.containsKey("title") && problem.containsKey("detail"));
    }
}
