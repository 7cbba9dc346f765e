package tw.training.catalogue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The catalogue API as its tests call it: plain maps, so the tests see the JSON a client sees. */
final class CatalogueApi {

    static final List<String> TABLES = List.of("standard", "standard_version", "responsibility", "task",
            "work_output", "indicator", "competence", "task_competence", "footnote_reference", "standard_note",
            "assessment_guidance");

    private final HttpClient http;
    private final String token;

    /** @param token the bearer token every request carries */
    CatalogueApi(HttpClient http, String token) {
        this.http = http;
        this.token = token;
    }

    /** Sends any request with this API's token. */
    <T> HttpResponse<T> exchange(MutableHttpRequest<?> request, Class<T> type) {
        return client().exchange(request.bearerAuth(token), type);
    }

    BlockingHttpClient client() {
        return http.toBlocking();
    }

    Map<String, Object> document(String code) {
        return client().retrieve(HttpRequest.GET("/api/standards/" + code).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    List<Map<String, Object>> list(String uri) {
        return client().retrieve(HttpRequest.GET(uri).bearerAuth(token), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    HttpResponse<Map<String, Object>> post(String uri, String text) {
        return client().exchange(HttpRequest.POST(uri, text.getBytes(StandardCharsets.UTF_8)).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
    }

    static List<String> codes(List<Map<String, Object>> listed) {
        return listed.stream().map(s -> (String) s.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    static String titleOf(Map<String, Object> document, String taskCode) {
        return ((List<Map<String, Object>>) document.get("tasks")).stream().filter(t -> t.get("code").equals(taskCode))
                .map(t -> (String) t.get("title")).findFirst().orElseThrow();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> problem(HttpClientResponseException e) {
        return e.getResponse().getBody(Map.class).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(HttpClientResponseException e) {
        return (List<Map<String, Object>>) problem(e).get("errors");
    }
}
