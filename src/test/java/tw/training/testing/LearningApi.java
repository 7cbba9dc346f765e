package tw.training.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The e-learning API as clients call it, with plain maps so the tests see the JSON; each call names its token. */
public final class LearningApi {

    private final HttpClient http;

    public LearningApi(HttpClient http) {
        this.http = http;
    }

    public Map<String, Object> send(String token, MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request.bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    public Map<String, Object> get(String token, String path) {
        return send(token, HttpRequest.GET(path));
    }

    public Map<String, Object> post(String token, String path, Object body) {
        return send(token, HttpRequest.POST(path, body));
    }

    public Map<String, Object> put(String token, String path, Object body) {
        return send(token, HttpRequest.PUT(path, body));
    }

    public List<Map<String, Object>> list(String token, String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    /** The refusal of a request, checked to carry the status. */
    public HttpClientResponseException refused(int status, String token, MutableHttpRequest<?> request) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request.bearerAuth(token)));
        assertEquals(status, e.code(), () -> request.getMethod() + " " + request.getPath() + ": " + e.getResponse().getBody(String.class).orElse(""));
        return e;
    }

    @SuppressWarnings("unchecked")
    public static List<String> fields(HttpClientResponseException e) {
        Map<String, Object> problem = e.getResponse().getBody(Map.class).orElseThrow();
        return ((List<Map<String, Object>>) problem.getOrDefault("errors", List.of())).stream().map(error -> (String) error.get("field")).toList();
    }

    public static long id(Map<String, Object> answer) {
        return ((Number) answer.get("id")).longValue();
    }

    /**
     * A course of KPS5294-001v4 T2.3 (P2.3.1–P2.3.4) with one module covering it, in draft: P2.3.1 and P2.3.2 by written
     * test only, P2.3.3 by written test and observation, P2.3.4 by portfolio. Answers the course's id.
     */
    public long draftCourse(String trainer, String code) {
        long course = id(post(trainer, "/api/courses", Map.of("code", code, "title", "客訴處理線上課程", "hours", 6)));
        post(trainer, "/api/courses/" + course + "/alignments", Map.of("standardCode", "KPS5294-001v4", "taskCode", "T2.3",
                "methods", List.of("WRITTEN_TEST")));
        put(trainer, "/api/courses/" + course + "/plan/KPS5294-001v4:P2.3.3", Map.of("methods", List.of("WRITTEN_TEST", "OBSERVATION")));
        put(trainer, "/api/courses/" + course + "/plan/KPS5294-001v4:P2.3.4", Map.of("methods", List.of("PORTFOLIO")));
        post(trainer, "/api/courses/" + course + "/modules", Map.of("title", "處理客訴", "hours", 6, "tasks", List.of("KPS5294-001v4:T2.3")));
        return course;
    }

    /** The id of the course's latest revision's first module. */
    @SuppressWarnings("unchecked")
    public long firstModule(String trainer, long course) {
        return id(((List<Map<String, Object>>) get(trainer, "/api/courses/" + course).get("modules")).get(0));
    }
}
