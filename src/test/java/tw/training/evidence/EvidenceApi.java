package tw.training.evidence;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The evidence API as a client calls it, with plain maps so tests see the JSON. */
final class EvidenceApi {

    private final HttpClient http;
    private final String token;

    EvidenceApi(HttpClient http, String token) {
        this.http = http;
        this.token = token;
    }

    /** A named file of a submission. */
    record Upload(String filename, MediaType type, byte[] bytes) {
    }

    static String metadata(String method, String title, List<String> indicators) {
        StringBuilder claims = new StringBuilder();
        for (String indicator : indicators) {
            claims.append(claims.length() == 0 ? "" : ",").append('"').append(indicator).append('"');
        }
        return "{\"method\":\"" + method + "\",\"title\":\"" + title + "\",\"description\":\"說明\",\"indicators\":[" + claims + "]}";
    }

    MutableHttpRequest<MultipartBody> submission(long enrollment, String metadata, Upload... files) {
        MultipartBody.Builder body = MultipartBody.builder().addPart("metadata", metadata);
        for (Upload file : files) {
            body.addPart("file", file.filename(), file.type(), file.bytes());
        }
        return HttpRequest.POST("/api/enrollments/" + enrollment + "/evidence", body.build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    Map<String, Object> submit(long enrollment, String metadata, Upload... files) {
        return send(submission(enrollment, metadata, files));
    }

    Map<String, Object> send(MutableHttpRequest<?> request) {
        return http.toBlocking().exchange(request.bearerAuth(token), Argument.mapOf(String.class, Object.class)).body();
    }

    List<Object> list(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Argument.listOf(Object.class));
    }

    HttpResponse<byte[]> download(String path) {
        return http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(token), byte[].class);
    }

    HttpResponse<byte[]> exchange(MutableHttpRequest<?> request) {
        return http.toBlocking().exchange(request.bearerAuth(token), byte[].class);
    }

    HttpClientResponseException refusal(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request.bearerAuth(token)));
    }

    @SuppressWarnings("unchecked")
    static List<String> errors(HttpClientResponseException e) {
        Map<String, Object> problem = e.getResponse().getBody(Map.class).orElseThrow();
        return ((List<Map<String, Object>>) problem.get("errors")).stream().map(error -> error.get("field") + ": " + error.get("message")).toList();
    }
}
