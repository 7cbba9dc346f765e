package tw.training.learning;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import tw.training.account.Roles;
import tw.training.evidence.StoredFiles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.LearningApi;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Issue 30, point 4: the draft a change to a published course opened can be discarded, and the published revision is
 * the course's again as it was: its plan, its modules, its materials and their files (a file the draft shares with it
 * stays; a file only the draft had goes, once the discarding committed).
 */
@MicronautTest(transactional = false)
class DraftDiscardTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    MaterialRepository materials;

    @Inject
    StoredFiles files;

    @Test
    @SuppressWarnings("unchecked")
    void aDiscardedDraftLeavesThePublishedRevisionAsItWas() throws IOException {
        LearningApi api = new LearningApi(http);
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("discard.trainer", Roles.TRAINER);
        String stranger = users.tokenFor("discard.stranger", Roles.TRAINER);
        long course = api.draftCourse(trainer, "DISCARD-1");
        long module = api.firstModule(trainer, course);
        long shared = upload(api, trainer, course, module, "講義.pdf", PortfolioCourse.PDF);
        api.post(trainer, "/api/courses/" + course + "/publish", Map.of());
        Map<String, Object> published = api.get(trainer, "/api/courses/" + course);

        // changes open draft 2: a method, a module, a file of its own in the module's copy
        api.put(trainer, "/api/courses/" + course + "/plan/KPS5294-001v4:P2.3.4", Map.of("methods", List.of("OBSERVATION")));
        api.post(trainer, "/api/courses/" + course + "/modules", Map.of("title", "補充", "hours", 2, "tasks", List.of("KPS5294-001v4:T2.3")));
        long draftModule = api.firstModule(trainer, course);
        long own = upload(api, trainer, course, draftModule, "補充講義.pdf", otherPdf());
        String ownKey = materials.findById(own).orElseThrow().storageKey();
        assertEquals(2, ((Number) ((Map<String, Object>) api.get(trainer, "/api/courses/" + course).get("revision")).get("number")).intValue());

        api.refused(404, stranger, HttpRequest.DELETE("/api/courses/" + course + "/draft"));
        Map<String, Object> after = api.send(trainer, HttpRequest.DELETE("/api/courses/" + course + "/draft"));

        assertEquals(published.get("revision"), after.get("revision"), "the published revision is the course's again");
        assertEquals(published.get("plan"), after.get("plan"));
        assertEquals(published.get("modules"), after.get("modules"));
        assertEquals(published, api.get(trainer, "/api/courses/" + course));
        assertArrayEquals(PortfolioCourse.PDF, http.toBlocking().retrieve(HttpRequest.GET("/api/materials/" + shared + "/file").bearerAuth(trainer),
                byte[].class), "the file the draft shared with the published revision stays");
        assertEquals(materials.findById(own).isPresent(), false, "the draft's own material is gone");
        assertThrows(IOException.class, () -> {
            try (InputStream gone = files.open(ownKey, 0)) {
                gone.read();
            }
        }, "and its file with it");

        HttpClientResponseException twice = api.refused(409, trainer, HttpRequest.DELETE("/api/courses/" + course + "/draft"));
        assertEquals("course.no-draft", twice.getResponse().getBody(Map.class).orElseThrow().get("code"));
        api.put(trainer, "/api/courses/" + course + "/plan/KPS5294-001v4:P2.3.4", Map.of("methods", List.of("OBSERVATION")));
        assertEquals(2, ((Number) ((Map<String, Object>) api.get(trainer, "/api/courses/" + course).get("revision")).get("number")).intValue(),
                "a later change opens a draft again");

        long never = api.draftCourse(trainer, "DISCARD-2");
        HttpClientResponseException nothing = api.refused(409, trainer, HttpRequest.DELETE("/api/courses/" + never + "/draft"));
        assertEquals("course.draft-never-published", nothing.getResponse().getBody(Map.class).orElseThrow().get("code"));
    }

    /** A PDF whose bytes differ from the published one's, so that it is stored apart. */
    private static byte[] otherPdf() {
        byte[] pdf = java.util.Arrays.copyOf(PortfolioCourse.PDF, PortfolioCourse.PDF.length + 8);
        System.arraycopy("%draft\n\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, pdf, PortfolioCourse.PDF.length, 8);
        return pdf;
    }

    private static long upload(LearningApi api, String trainer, long course, long module, String name, byte[] content) {
        return LearningApi.id(api.send(trainer, HttpRequest.POST("/api/courses/" + course + "/modules/" + module + "/materials",
                MultipartBody.builder().addPart("title", name).addPart("file", name, MediaType.APPLICATION_PDF_TYPE, content).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)));
    }
}
