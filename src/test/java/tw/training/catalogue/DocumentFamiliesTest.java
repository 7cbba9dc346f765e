package tw.training.catalogue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.FormClient;
import tw.training.testing.TestUsers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 35, build 1, on H2 and PostgreSQL: versions of one code are a family; the newest imported is current and each
 * older one superseded by the next (not the newest), in the listing, in {@code /versions} and on the document's page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentFamiliesTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private CatalogueApi trainer;
    private String token;

    @BeforeAll
    void signIn() {
        token = TestUsers.of(context, http).tokenFor("family.trainer", Roles.TRAINER);
        trainer = new CatalogueApi(http, token);
    }

    private Map<String, Map<String, Object>> listed() {
        return trainer.list("/api/standards").stream().collect(Collectors.toMap(s -> (String) s.get("code"), Function.identity()));
    }

    @Test
    @Order(1)
    void eachSeedIsTheCurrentVersionOfItsFamily() {
        Map<String, Map<String, Object>> listed = listed();
        assertEquals("KPS5294-001", listed.get("KPS5294-001v4").get("family"));
        assertEquals(4, listed.get("KPS5294-001v4").get("version"));
        assertEquals("KPS3322-M01", listed.get("KPS3322-M01").get("family"), "a model's code has no version: a family of one");
        assertNull(listed.get("KPS3322-M01").get("version"));
        listed.values().forEach(s -> assertNull(s.get("supersededBy"), s.get("code") + " is current"));
    }

    @Test
    @Order(2)
    void aNewerVersionSupersedesTheOlderOneWhichStays() throws IOException {
        assertEquals(201, trainer.post("/api/standards", tw.training.revision.RevisedStandard.text()).code());
        assertEquals(201, trainer.post("/api/standards", tw.training.revision.RevisedStandard.v3()).code());

        Map<String, Map<String, Object>> listed = listed();
        assertEquals("KPS5294-001v4", listed.get("KPS5294-001v3").get("supersededBy"), "the next version, not the newest");
        assertEquals("KPS5294-001v5", listed.get("KPS5294-001v4").get("supersededBy"));
        assertNull(listed.get("KPS5294-001v5").get("supersededBy"));
        assertNull(listed.get("BAS1499-001v4").get("supersededBy"), "another family is untouched");

        List<Map<String, Object>> versions = trainer.list("/api/standards/KPS5294-001v4/versions");
        assertEquals(List.of("KPS5294-001v5", "KPS5294-001v4", "KPS5294-001v3"), CatalogueApi.codes(versions));
        assertEquals(List.of(5, 4, 3), versions.stream().map(v -> v.get("version")).toList());
        assertNull(versions.get(0).get("supersededBy"));
        assertEquals("KPS5294-001v5", versions.get(1).get("supersededBy"));
        // CASE: the superseded version is deprecated, and says by which version
        Map<String, Map<?, ?>> cfDocuments = ((List<?>) trainer.client().retrieve(HttpRequest.GET("/ims/case/v1p1/CFDocuments?limit=100")
                .bearerAuth(token), Map.class).get("CFDocuments")).stream().map(d -> (Map<?, ?>) d)
                .collect(Collectors.toMap(d -> (String) ((Map<?, ?>) ((Map<?, ?>) d.get("extensions")).get("icap")).get("code"), Function.identity()));
        assertEquals("Deprecated", cfDocuments.get("KPS5294-001v4").get("adoptionStatus"));
        assertEquals("KPS5294-001v5", ((Map<?, ?>) ((Map<?, ?>) cfDocuments.get("KPS5294-001v4").get("extensions")).get("icap")).get("supersededBy"));
        assertEquals("Adopted", cfDocuments.get("KPS5294-001v5").get("adoptionStatus"));
        // the superseded document is still whole
        assertEquals(25, ((List<?>) trainer.document("KPS5294-001v4").get("tasks")).stream()
                .mapToInt(t -> ((List<?>) ((Map<?, ?>) t).get("indicators")).size()).sum());
    }

    @Test
    @Order(3)
    void theSupersededDocumentsPageSaysByWhichVersion() {
        FormClient page = new FormClient(context.getBean(io.micronaut.runtime.server.EmbeddedServer.class).getURL().toString(), "zh-TW")
                .signIn("family.trainer", TestUsers.PASSWORD);
        String old = page.get("/catalogue/KPS5294-001v4").body();
        assertTrue(old.contains("id=\"superseded\"") && old.contains("此版本已由 KPS5294-001v5 取代") && old.contains("href=\"/catalogue/KPS5294-001v5\""), old);
        String current = page.get("/catalogue/KPS5294-001v5").body();
        assertFalse(current.contains("id=\"superseded\""));
        assertTrue(current.contains("id=\"family\"") && current.contains("href=\"/catalogue/KPS5294-001v3\""));
        assertTrue(page.get("/catalogue").body().contains("已由 KPS5294-001v4 取代"));
    }

    @Test
    @Order(4)
    void theVersionsOfAnUnknownCodeAreNotFound() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> trainer.list("/api/standards/NOPE-001v1/versions"));
        assertEquals(404, refused.getStatus().getCode());
    }
}
