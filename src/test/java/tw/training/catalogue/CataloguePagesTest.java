package tw.training.catalogue;

import io.micronaut.context.ApplicationContext;
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
import tw.training.testing.FormClient.Part;
import tw.training.testing.TestUsers;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue's pages (issue 16): the list and its search, a standard and a unit as the official text lays them
 * out, importing from a file with the importer's warnings, a document refused (its lines, its taken code) or sent
 * without the form's token; and none of it for a learner.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CataloguePagesTest implements DatabaseTest {

    private static final Path DOCUMENTS = Path.of("src/test/resources/documents");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private FormClient trainer;
    private FormClient learner;

    @BeforeAll
    void signedIn() {
        TestUsers users = TestUsers.of(context, http);
        users.create("catalogue.trainer", Roles.TRAINER);
        users.create("catalogue.learner", Roles.LEARNER);
        trainer = new FormClient(server.getURL().toString(), "zh-TW").signIn("catalogue.trainer", TestUsers.PASSWORD);
        learner = new FormClient(server.getURL().toString(), "zh-TW").signIn("catalogue.learner", TestUsers.PASSWORD);
    }

    @Test
    void theListFindsByCodeNameTaskOrIndicator() {
        String all = trainer.get("/catalogue").body();
        for (String code : List.of("KPS5294-001v4", "KMM5R0915v2", "KPS3322-M01")) {
            assertTrue(all.contains("href=\"/catalogue/" + code + "\""), code);
        }
        String found = trainer.get("/catalogue?q=KMM5R0915v2").body();
        assertTrue(found.contains("KMM5R0915v2") && !found.contains("href=\"/catalogue/KPS5294-001v4\""), "the search narrows the list");
        String units = trainer.get("/catalogue?kind=UNIT").body();
        assertTrue(units.contains("KMM5R0915v2") && !units.contains("href=\"/catalogue/KPS3322-M01\""), "the kind narrows the list");
        HttpResponse<String> fragment = trainer.get("/catalogue?q=KMM5R0915v2", Map.of("HX-Request", "true"));
        assertTrue(fragment.body().strip().startsWith("<div id=\"document-list\"") && !fragment.body().contains("<html"), "htmx gets the table alone");
    }

    @Test
    void aStandardReadsAsTheOfficialDocument() {
        HttpResponse<String> page = trainer.get("/catalogue/KPS5294-001v4");
        assertEquals(200, page.statusCode());
        String body = page.body();
        for (String part : List.of("id=\"versions\"", "id=\"task-T2.3\"", "id=\"indicator-P2.3.1\"", "id=\"attitudes\"")) {
            assertTrue(body.contains(part), part);
        }
        assertEquals(404, trainer.get("/catalogue/NO-SUCH-1").statusCode());
    }

    /** Issue 30, point 9: a matrix is drawn only where a task asks for an attitude; never an empty grid. */
    @Test
    void aDocumentDrawsItsTaskByAttitudeMatrixOnlyWhenItHasOne() {
        List<String> without = new java.util.ArrayList<>();
        for (String code : List.of("KPS5294-001v4", "THM2431-001v1", "BAS1499-001v4", "KMM5R0915v2", "KPS3322-M01")) {
            String body = trainer.get("/catalogue/" + code).body();
            boolean drawn = body.contains("class=\"matrix\"");
            assertEquals(drawn, body.contains("aria-label=\"需具備\">✓"), code + ": a matrix has a mark");
            if (body.contains("id=\"attitudes\"") && !drawn) {
                without.add(code);
            }
        }
        // the three whose official text lists attitudes but marks none against a task (KPS5294-001v4: 8 tasks × 6 attitudes)
        assertEquals(List.of("KPS5294-001v4", "BAS1499-001v4", "KPS3322-M01"), without);
    }

    @Test
    void aUnitShowsItsAssessmentGuidance() {
        String body = trainer.get("/catalogue/KMM5R0915v2").body();
        assertTrue(body.contains("id=\"assessment\""), "a unit's assessment guidance");
    }

    @Test
    void anImportShowsTheImportersWarningsAndAgainChangesNothing() throws IOException {
        byte[] model = Files.readAllBytes(DOCUMENTS.resolve("model-night-audit.txt"));
        HttpResponse<String> refused = upload("", "night-audit.txt", model);
        assertEquals(422, refused.statusCode(), "a model without its code");
        assertTrue(refused.body().contains("id=\"file-error\""));

        HttpResponse<String> imported = upload("THM4224-M02", "night-audit.txt", model);
        assertEquals(201, imported.statusCode(), imported.body());
        assertTrue(imported.body().contains("T2.1 引用了知識 K99，但從未定義"), "the importer's warnings");
        assertTrue(imported.body().contains("應為行為指標 P2.1.2，但看到 P2.1.3"));
        assertTrue(imported.body().contains("href=\"/catalogue/THM4224-M02\""));

        assertEquals(200, upload("THM4224-M02", "night-audit.txt", model).statusCode(), "the same again: nothing changed");
    }

    @Test
    void aTakenCodeOrUnreadableLinesAreExplainedAndNothingIsImported() throws IOException {
        byte[] unit = Files.readAllBytes(DOCUMENTS.resolve("unit-guest-services.txt"));
        assertEquals(201, upload("", "unit.txt", unit).statusCode());
        byte[] changed = new String(unit, StandardCharsets.UTF_8).replace("彙整常見需求並提出改善建議", "彙整常見需求").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> taken = upload("", "unit.txt", changed);
        assertEquals(409, taken.statusCode());
        assertTrue(taken.body().contains("id=\"file-error\"") && taken.body().contains("已在目錄中且內容不同"), "which code is taken");

        HttpResponse<String> latin1 = upload("", "old.txt", "職能基準\n\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(422, latin1.statusCode());
        assertTrue(latin1.body().contains("id=\"lines\""), "the lines at fault are listed");
    }

    @Test
    void anImportWithoutTheFormsTokenIsRefused() throws IOException {
        byte[] standard = Files.readAllBytes(DOCUMENTS.resolve("standard-front-desk.txt"));
        HttpResponse<String> forged = trainer.postMultipart("/catalogue/import", List.of(Part.field("code", ""),
                new Part("file", "front-desk.txt", "text/plain", standard)));
        assertEquals(403, forged.statusCode());
        assertEquals(404, trainer.get("/catalogue/TSA4224-001v2").statusCode(), "nothing imported");
    }

    @Test
    void aLearnerGetsTheForbiddenPageOnEveryCataloguePage() {
        for (String path : List.of("/catalogue", "/catalogue?q=x", "/catalogue/KPS5294-001v4", "/catalogue/import")) {
            HttpResponse<String> page = learner.get(path);
            assertEquals(403, page.statusCode(), path);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            assertFalse(page.body().contains("id=\"task-") || page.body().contains("id=\"document-list\"") || page.body().contains("enctype"),
                    "nothing of the catalogue on " + path);
        }
        assertEquals(403, learner.postMultipart("/catalogue/import", List.of(Part.field("_csrf", learner.token()), Part.field("code", ""),
                new Part("file", "x.txt", "text/plain", new byte[]{'x'}))).statusCode());
        assertFalse(learner.get("/home").body().contains("href=\"/catalogue\""), "no catalogue in a learner's menu");
        assertTrue(trainer.get("/catalogue").body().contains("href=\"/catalogue\""), "the catalogue in a trainer's menu");
    }

    private HttpResponse<String> upload(String code, String filename, byte[] content) {
        return trainer.postMultipart("/catalogue/import", List.of(Part.field("_csrf", trainer.token()), Part.field("code", code),
                new Part("file", filename, "text/plain", content)));
    }
}
