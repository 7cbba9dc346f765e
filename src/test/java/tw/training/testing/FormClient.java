package tw.training.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages as a browser without script uses them: plain GETs and form posts (url-encoded or multipart), the
 * cookies it was given, the CSRF token read from the page's form. No redirect is followed, so tests see each 303.
 */
public final class FormClient {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String language;
    private String session;
    private String token;
    /** The CSRF cookie of a client not signed in, once {@link #withoutSignIn()} read it. */
    private String anonymousCsrf;

    public FormClient(String base, String language) {
        this.base = base.replaceAll("/$", "");
        this.language = language;
    }

    /** Signs in through the form and keeps the session cookie and its CSRF token. */
    public FormClient signIn(String username, String password) {
        HttpResponse<String> signedIn = attemptSignIn(username, password);
        assertEquals(303, signedIn.statusCode(), () -> "signing in as " + username + ": " + signedIn.body());
        session = cookie(signedIn, "session");
        // a page every role may open, whose forms carry the session's token
        token = token(get("/account/password").body());
        return this;
    }

    /**
     * Keeps the anonymous CSRF cookie and token of the sign-in page, for the forms one sends before signing in (a
     * forgotten password, a mailed link's password).
     */
    public FormClient withoutSignIn() {
        HttpResponse<String> form = get("/signin");
        anonymousCsrf = cookie(form, "csrf");
        token = token(form.body());
        return this;
    }

    /** The sign-in form filled and sent, as it is answered. */
    public HttpResponse<String> attemptSignIn(String username, String password) {
        return attemptSignIn(username, password, "/home");
    }

    /** The sign-in form filled and sent with where to go next, as it is answered. */
    public HttpResponse<String> attemptSignIn(String username, String password, String next) {
        HttpResponse<String> form = get("/signin");
        String anonymous = anonymousCsrf != null ? anonymousCsrf : cookie(form, "csrf");
        return send(request("/signin", "csrf=" + anonymous).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(List.of(Map.entry("_csrf", token(form.body())),
                        Map.entry("username", username), Map.entry("password", password), Map.entry("next", next))))).build());
    }

    /** The session cookie's value, for a request this client cannot send (a body sent by hand, byte by byte). */
    public String session() {
        return session;
    }

    /** The session's CSRF token, as the pages' forms carry it. */
    public String token() {
        return token;
    }

    public HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    /** A GET with headers of its own, as htmx sends ({@code HX-Request}). */
    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, session != null ? "session=" + session : anonymousCsrf != null ? "csrf=" + anonymousCsrf : null);
        headers.forEach(request::header);
        return send(request.GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(request(path, "session=" + session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A url-encoded form, in the order given (a form's fields have an order, and a name may repeat). */
    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
        return post(path, fields, Map.of());
    }

    /** A url-encoded form with headers of its own, as a page's script sends it ({@code X-CSRF-Token}). */
    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, session == null && anonymousCsrf != null ? "csrf=" + anonymousCsrf : "session=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build());
    }

    /** A url-encoded form with the session's CSRF token first, then {@code pairs} of names and values. */
    public HttpResponse<String> postForm(String path, String... pairs) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("_csrf", token));
        for (int i = 0; i < pairs.length; i += 2) {
            fields.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return post(path, fields);
    }

    /** A part of a multipart form: a field, or a file when {@code filename} is set. */
    public record Part(String name, String filename, String type, byte[] content) {
        public static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        public static Part file(String filename, String type, byte[] content) {
            return new Part("file", filename, type, content);
        }
    }

    /** A multipart form, as a browser sends one with {@code enctype="multipart/form-data"}. */
    public HttpResponse<String> postMultipart(String path, List<Part> parts) {
        String boundary = "----form" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(part.name()).append('"');
            if (part.filename() != null) {
                head.append("; filename=\"").append(part.filename()).append("\"\r\nContent-Type: ").append(part.type());
            }
            body.writeBytes(head.append("\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return send(request(path, "session=" + session).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private HttpRequest.Builder request(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml").header("Accept-Language", language);
        return cookie == null ? request : request.header("Cookie", cookie);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(List<Map.Entry<String, String>> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach(field -> pairs.add(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    /** The CSRF token of the first form on a page. */
    /**
     * For tables of refusals: notes {@code what} in {@code wrong} unless the answer has the status and is a page (the
     * pages answer refusals as pages, never as problem+json).
     */
    public static void expectPage(List<String> wrong, int status, String what, HttpResponse<String> answer) {
        boolean page = answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
        if (answer.statusCode() != status || !page) {
            wrong.add(what + " answered " + answer.statusCode() + (page ? "" : " (not a page)"));
        }
    }

    public static String token(String page) {
        Matcher matcher = TOKEN.matcher(page);
        assertTrue(matcher.find(), "the page has a form with its CSRF token");
        return matcher.group(1);
    }

    public static String cookie(HttpResponse<?> response, String name) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(cookie -> cookie.startsWith(name + "=")).map(cookie -> cookie.substring(name.length() + 1, cookie.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies));
    }
}
