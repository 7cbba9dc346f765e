package tw.training.ims;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.revision.RevisedStandard;
import tw.training.testing.DatabaseTest;
import tw.training.testing.TestDatabases;
import tw.training.testing.TestFolders;
import tw.training.testing.TestUsers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 35, acceptance 4, on H2 and PostgreSQL: the crosswalk KPS5294-001v4 → v5, reviewed (notes on the split) and
 * confirmed here, travels in v5's CFPackage as associations from v4's CFItems (exactMatchOf, replacedBy, isRelatedTo with
 * the note); imported into a fresh database holding v4 (a seed), it is the same crosswalk, PROPOSED there for a reviewer
 * of its own; importing it again, or eight times at once, makes one document and one crosswalk; an association from an
 * item v4 does not have refuses the package.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseCrosswalkRoundTripTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Test
    @SuppressWarnings("unchecked")
    void aConfirmedCrosswalkRoundTripsThroughCase() throws Exception {
        String trainer = TestUsers.of(context, http).tokenFor("case.crosswalk", Roles.TRAINER);
        http.toBlocking().exchange(HttpRequest.POST("/api/standards", RevisedStandard.v5()).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(trainer));
        Map<String, Object> proposed = http.toBlocking().retrieve(HttpRequest.POST("/api/crosswalks", Map.of("from", "KPS5294-001v4", "to", "KPS5294-001v5"))
                .bearerAuth(trainer), Argument.mapOf(String.class, Object.class));
        long id = ((Number) proposed.get("id")).longValue();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> line : (List<Map<String, Object>>) proposed.get("lines")) {
            if (line.get("from") != null) {
                Map<String, Object> said = new HashMap<>(Map.of("kind", line.get("kind"), "from", line.get("from"), "relation", line.get("relation")));
                if (line.get("to") != null) {
                    said.put("to", line.get("to"));
                }
                if ("PARTIAL".equals(line.get("relation"))) {
                    said.put("note", "拆分：處理流程與紀錄分開評量");
                }
                lines.add(said);
            }
        }
        http.toBlocking().exchange(HttpRequest.PUT("/api/crosswalks/" + id + "/lines", lines).bearerAuth(trainer));
        Map<String, Object> confirmed = http.toBlocking().retrieve(HttpRequest.POST("/api/crosswalks/" + id + "/confirmation", Map.of())
                .bearerAuth(trainer), Argument.mapOf(String.class, Object.class));

        String exported = http.toBlocking().retrieve(HttpRequest.GET("/ims/case/v1p1/CFPackages/" + CaseIds.document("KPS5294-001v5")).bearerAuth(trainer));
        for (String type : List.of("\"exactMatchOf\"", "\"replacedBy\"", "\"isRelatedTo\"", "拆分：處理流程與紀錄分開評量",
                CaseIds.item("KPS5294-001v4", "P2.3.2"))) {
            assertTrue(exported.contains(type), type + " in the package");
        }

        Map<String, Object> fresh = new HashMap<>(TestDatabases.fresh());
        fresh.putAll(TestFolders.localEvidence());
        fresh.put("micronaut.server.port", -1);
        try (EmbeddedServer elsewhere = ApplicationContext.run(EmbeddedServer.class, fresh);
             HttpClient client = HttpClient.create(elsewhere.getURL())) {
            String importer = TestUsers.of(elsewhere.getApplicationContext(), client).tokenFor("case.elsewhere", Roles.TRAINER);
            String broken = exported.replace(CaseIds.item("KPS5294-001v4", "P2.3.1"), CaseIds.item("KPS5294-001v4", "P9.9.9"));
            assertNotEquals(exported, broken);
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                    HttpRequest.POST("/api/standards", broken).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(importer)));
            assertEquals(422, refused.code());
            assertTrue(refused.getResponse().getBody(String.class).orElseThrow().contains("originNodeURI"));
            assertEquals(404, assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                    HttpRequest.GET("/api/standards/KPS5294-001v5").bearerAuth(importer))).code(), "refused whole: the document did not come alone");
            // sent eight times at once: one document, one crosswalk, every answer 201 or 200
            List<Integer> answers = tw.training.testing.Parallel.run(8, n -> client.toBlocking().exchange(HttpRequest.POST("/api/standards", exported)
                    .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(importer)).code());
            assertEquals(1, answers.stream().filter(code -> code == 201).count(), answers.toString());
            assertEquals(7, answers.stream().filter(code -> code == 200).count(), answers.toString());
            List<Map<String, Object>> there = client.toBlocking().retrieve(HttpRequest.GET("/api/crosswalks").bearerAuth(importer),
                    Argument.listOf(Argument.mapOf(String.class, Object.class)));
            assertEquals(1, there.size());
            assertEquals("PROPOSED", there.get(0).get("status"), "confirmed by a reviewer there, not by the package");
            Map<String, Object> imported = client.toBlocking().retrieve(HttpRequest.GET("/api/crosswalks/" + there.get(0).get("id")).bearerAuth(importer),
                    Argument.mapOf(String.class, Object.class));
            assertEquals(List.of("KPS5294-001v4", "KPS5294-001v5"), List.of(imported.get("from"), imported.get("to")));
            assertEquals(confirmed.get("lines"), imported.get("lines"), "the same crosswalk, line for line");
            assertEquals(200, client.toBlocking().exchange(HttpRequest.POST("/api/standards", exported).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .bearerAuth(importer)).code());
            assertEquals(1, client.toBlocking().retrieve(HttpRequest.GET("/api/crosswalks").bearerAuth(importer), Argument.listOf(Object.class)).size(),
                    "importing it again changes nothing");
        }
    }
}
