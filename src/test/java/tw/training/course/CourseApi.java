package tw.training.course;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The course API as a trainer's client calls it, with plain maps so tests see the JSON. */
final class CourseApi {

    private final HttpClient http;
    private final String token;

    CourseApi(HttpClient http, String token) {
        this.http = http;
        this.token = token;
    }

    Map<String, Object> create(String code, String title) {
        return send(HttpRequest.POST("/api/courses", Map.of("code", code, "title", title, "description", "課程說明", "hours", 18)));
    }

    long createId(String code, String title) {
        return ((Number) create(code, title).get("id")).longValue();
    }

    /** SPEC §3 acceptance: KPS5294-001v4 T2.3 and T2.4 (two of its indicators), BAS1499-001v4 T2.2, methods varying. */
    long complaintsCourse(String code) {
        return complaintsCourse(code, "客訴處理與銷售實務");
    }

    long complaintsCourse(String code, String title) {
        long course = createId(code, title);
        align(course, "KPS5294-001v4", "T2.3", List.of("OBSERVATION", "PORTFOLIO"), List.of());
        align(course, "KPS5294-001v4", "T2.4", List.of("WORK_PRODUCT"), List.of("P2.4.1", "P2.4.3"));
        align(course, "BAS1499-001v4", "T2.2", List.of("THIRD_PARTY_REPORT"), List.of());
        setMethods(course, "KPS5294-001v4:P2.3.2", List.of("ORAL_QUESTIONING"));
        addModule(course, "客訴處理", 12, List.of("KPS5294-001v4:T2.3", "BAS1499-001v4:T2.2"));
        addModule(course, "完成銷售", 6, List.of("KPS5294-001v4:T2.4"));
        return course;
    }

    Map<String, Object> align(long course, String standard, String task, List<String> methods, List<String> indicators) {
        return send(HttpRequest.POST("/api/courses/" + course + "/alignments",
                Map.of("standardCode", standard, "taskCode", task, "methods", methods, "indicatorCodes", indicators)));
    }

    Map<String, Object> setMethods(long course, String indicator, List<String> methods) {
        return send(HttpRequest.PUT("/api/courses/" + course + "/plan/" + indicator, Map.of("methods", methods)));
    }

    Map<String, Object> addModule(long course, String title, int hours, List<String> tasks) {
        return send(HttpRequest.POST("/api/courses/" + course + "/modules", Map.of("title", title, "hours", hours, "tasks", tasks)));
    }

    Map<String, Object> publish(long course) {
        return send(HttpRequest.POST("/api/courses/" + course + "/publish", Map.of()));
    }

    Map<String, Object> get(String path) {
        return send(HttpRequest.GET(path));
    }

    List<Map<String, Object>> list(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    Map<String, Object> send(MutableHttpRequest<?> request) {
        return exchange(request).body();
    }

    HttpResponse<Map<String, Object>> exchange(MutableHttpRequest<?> request) {
        return http.toBlocking().exchange(request.bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    HttpClientResponseException refusal(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request.bearerAuth(token)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> problem(HttpClientResponseException e) {
        return e.getResponse().getBody(Map.class).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static List<String> errorMessages(HttpClientResponseException e) {
        return ((List<Map<String, Object>>) problem(e).get("errors")).stream().map(error -> error.get("field") + ": " + error.get("message")).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, List<String>> methodsByIndicator(Map<String, Object> course) {
        Map<String, List<String>> methods = new java.util.LinkedHashMap<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) course.get("plan")) {
            methods.put((String) entry.get("id"), (List<String>) entry.get("requiredMethods"));
        }
        return methods;
    }
}
