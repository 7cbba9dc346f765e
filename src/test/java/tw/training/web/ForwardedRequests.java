package tw.training.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Requests as a proxy in front of the server would send them: with forwarding headers, from 127.0.0.1. */
final class ForwardedRequests {

    private final java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    private final String base;
    private final HttpClient http;

    ForwardedRequests(String base, HttpClient http) {
        this.base = base.replaceAll("/$", "");
        this.http = http;
    }

    /** The sign-in form's page, fetched with these headers. */
    HttpResponse<String> get(String path, Map<String, String> headers) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(request::header);
        return send(request.GET().build());
    }

    /** A wrong password sent to {@code /login} with these headers. */
    int wrongPassword(String username, Map<String, String> headers) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(request.POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                "{\"username\":\"" + username + "\",\"password\":\"not the password at all\"}")).build()).statusCode();
    }

    /** The sources the audit trail recorded for this username's failed sign-ins, oldest first. */
    @SuppressWarnings("rawtypes")
    List<String> failedFrom(String admin, String username) {
        List<Map> events = http.toBlocking().retrieve(HttpRequest.GET("/api/audit?type=LOGIN_FAILED&username=" + username)
                .bearerAuth(admin), Argument.listOf(Map.class));
        List<String> sources = new ArrayList<>(events.stream().map(e -> ((String) e.get("detail")).replaceAll(".* from ", "")).toList());
        Collections.reverse(sources);
        return sources;
    }

    static String setCookies(HttpResponse<?> response) {
        return String.join("\n", response.headers().allValues("Set-Cookie"));
    }

    static boolean secureCookies(HttpResponse<?> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return !cookies.isEmpty() && cookies.stream().allMatch(cookie -> cookie.toLowerCase().contains("; secure"));
    }

    private HttpResponse<String> send(java.net.http.HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
