package tw.training.portfolio;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.FormClient;
import tw.training.testing.RawHttp;
import tw.training.testing.FormClient.Part;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §10, the evidence form without script: a plain multipart post stores the evidence and redirects to it; a
 * refused file, a missing title or a missing CSRF token store nothing, and the first two show the form again as it
 * was filled with the reason beside the field at fault.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceFormWithoutScriptTest implements DatabaseTest {

    private static final String P1 = "KPS5294-001v4:P2.3.1";
    private static final String P2 = "KPS5294-001v4:P2.3.2";
    private static final byte[] PDF = PortfolioCourse.PDF;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private String learnerToken;
    private long enrollment;
    private FormClient learner;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(DatabaseTest.super.getProperties());
        properties.put("app.evidence.max-file-size", "200KB");
        return properties;
    }

    @BeforeAll
    void enrolled() {
        TestUsers users = TestUsers.of(context, http);
        PortfolioCourse course = PortfolioCourse.publish(http, users.tokenFor("plain.trainer", Roles.TRAINER), "PLAIN-1", "客訴處理實務");
        learnerToken = users.tokenFor("plain.learner", Roles.LEARNER);
        enrollment = course.enroll("plain.learner");
        learner = new FormClient(server.getURL().toString(), "zh-TW").signIn("plain.learner", TestUsers.PASSWORD);
    }

    @Test
    void evidencePostedThroughThePlainFormIsStoredAndShown() {
        int before = stored();
        String token = FormClient.token(learner.get("/enrollments/" + enrollment + "/evidence/new").body());
        HttpResponse<String> posted = learner.postMultipart("/enrollments/" + enrollment + "/evidence", List.of(
                Part.field("_csrf", token), Part.field("method", "PORTFOLIO"), Part.field("indicators", P1), Part.field("indicators", P2),
                Part.field("title", "客訴演練紀錄"), Part.field("description", "兩次演練"),
                Part.file("drill.pdf", "application/pdf", PDF), Part.file("whiteboard.png", "image/png", PNG)));
        assertEquals(303, posted.statusCode(), posted.body());
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/evidence/\\d+\\?submitted"), location);
        assertEquals(before + 1, stored());

        HttpResponse<String> page = learner.get(location);
        assertEquals(200, page.statusCode());
        for (String shown : List.of("客訴演練紀錄", "drill.pdf", "whiteboard.png", "P2.3.1", "P2.3.2")) {
            assertTrue(page.body().contains(shown), shown);
        }
        Matcher pdfLink = Pattern.compile("href=\"(/evidence/\\d+/files/\\d+)\" download>[^<]*drill\\.pdf").matcher(page.body());
        assertTrue(pdfLink.find(), "a download link for the PDF");
        HttpResponse<byte[]> download = learner.getBytes(pdfLink.group(1));
        assertEquals(200, download.statusCode());
        assertArrayEquals(PDF, download.body());
    }

    @Test
    void aFileTooLargeOrOfAForbiddenTypeShowsTheFormAgainAsFilledWithTheReasonBesideTheFiles() {
        int before = stored();
        byte[] big = new byte[300 * 1024];
        new Random(7).nextBytes(big);
        System.arraycopy(PDF, 0, big, 0, 9);

        HttpResponse<String> tooLarge = submit("太大的掃描", Part.file("big-scan.pdf", "application/pdf", big));
        assertEquals(413, tooLarge.statusCode());
        assertFormKept(tooLarge.body(), "太大的掃描");
        assertTrue(fieldError(tooLarge.body(), "files").contains("200 KB"), fieldError(tooLarge.body(), "files"));

        HttpResponse<String> forbidden = submit("安裝程式", Part.file("setup.exe", "application/octet-stream", new byte[]{'M', 'Z', 0, 0}));
        assertEquals(415, forbidden.statusCode());
        assertFormKept(forbidden.body(), "安裝程式");
        assertFalse(fieldError(forbidden.body(), "files").isBlank(), "the reason beside the files");

        HttpResponse<String> untitled = submit("", Part.file("drill.pdf", "application/pdf", PDF));
        assertEquals(422, untitled.statusCode());
        assertTrue(untitled.body().contains("aria-describedby=\"title-error\""), "the title field points at its error");
        assertFalse(fieldError(untitled.body(), "title").isBlank(), "the reason beside the title");

        assertEquals(before, stored(), "nothing stored");
    }

    @Test
    void aFormPostedWithoutItsTokenOrWithAnotherStoresNothing() {
        int before = stored();
        List<Part> form = new ArrayList<>(List.of(Part.field("method", "PORTFOLIO"), Part.field("indicators", P1),
                Part.field("title", "偽造"), Part.file("drill.pdf", "application/pdf", PDF)));
        assertEquals(403, learner.postMultipart("/enrollments/" + enrollment + "/evidence", form).statusCode());
        form.add(0, Part.field("_csrf", "not-the-token"));
        assertEquals(403, learner.postMultipart("/enrollments/" + enrollment + "/evidence", form).statusCode());
        // the token after the file: the file would be read before the token is checked, so it is refused as well
        form.remove(0);
        form.add(Part.field("_csrf", learner.token()));
        assertEquals(403, learner.postMultipart("/enrollments/" + enrollment + "/evidence", form).statusCode());
        assertEquals(before, stored());
    }

    /**
     * Issue 28, point 8: a post whose first part is a file is refused when that part begins, before a byte of it is
     * staged. The client sends the file's start and then nothing: were the server reading the file, it would wait for
     * the rest and answer nothing.
     */
    @Test
    void aFileBeforeTheTokenIsRefusedBeforeAByteOfItIsStaged() throws Exception {
        String boundary = "----drill";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        try (RawHttp client = new RawHttp(server.getPort())) {
            client.head("POST /enrollments/" + enrollment + "/evidence HTTP/1.1", "Cookie: session=" + learner.session(),
                    "Content-Type: multipart/form-data; boundary=" + boundary, "Content-Length: " + 90L * 1024 * 1024).send(part).send(PDF);
            String answer = client.answer();
            assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        }
        try (Stream<Path> staging = Files.list(Path.of(context.getRequiredProperty("app.evidence.staging-dir", String.class)))) {
            assertEquals(List.of(), staging.toList(), "nothing staged");
        }
    }

    private HttpResponse<String> submit(String title, Part file) {
        return learner.postMultipart("/enrollments/" + enrollment + "/evidence", List.of(Part.field("_csrf", learner.token()),
                Part.field("method", "PORTFOLIO"), Part.field("indicators", P1), Part.field("title", title), Part.field("description", "說明"), file));
    }

    /** The page shown again: HTML, the method and indicator still chosen, the title as typed. */
    private static void assertFormKept(String page, String title) {
        assertTrue(page.contains("id=\"evidence-form\""), "the form again");
        assertTrue(page.contains("value=\"PORTFOLIO\" required checked"), "the method still chosen");
        assertTrue(page.contains("value=\"" + P1 + "\" checked"), "the indicator still ticked");
        assertFalse(page.contains("value=\"" + P2 + "\" checked"), "an indicator not ticked stays unticked");
        assertTrue(page.contains("name=\"title\" required maxlength=\"200\" value=\"" + title + "\""), "the title as typed");
    }

    private static String fieldError(String page, String field) {
        Matcher error = Pattern.compile("<small id=\"" + field + "-error\" class=\"field-error\">([^<]*)</small>").matcher(page);
        return error.find() ? error.group(1) : "";
    }

    /** The learner's evidence as the API lists it. */
    private int stored() {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/enrollments/" + enrollment + "/evidence").bearerAuth(learnerToken),
                Argument.listOf(Object.class)).size();
    }
}
