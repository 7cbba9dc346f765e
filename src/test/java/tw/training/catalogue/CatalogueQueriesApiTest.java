package tw.training.catalogue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.TestUsers;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC §2 reads through HTTP on a real database holding the seeds only: listing, search, whole documents. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueQueriesApiTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    private CatalogueApi api;

    @Inject
    ApplicationContext context;

    @BeforeAll
    void connect() {
        api = new CatalogueApi(http, TestUsers.of(context, http).tokenFor("lin.learner", Roles.LEARNER));
    }

    @Test
    void listsTheFiveSeedsImportedAtStart() {
        List<Map<String, Object>> listed = api.list("/api/standards");

        assertEquals(List.of("BAS1499-001v4", "KMM5R0915v2", "KPS3322-M01", "KPS5294-001v4", "THM2431-001v1"), CatalogueApi.codes(listed));
        assertEquals(3, listed.stream().filter(s -> s.get("kind").equals("STANDARD")).count());
        assertEquals(1, listed.stream().filter(s -> s.get("kind").equals("UNIT")).count());
        assertEquals(1, listed.stream().filter(s -> s.get("kind").equals("MODEL")).count());
        Map<String, Object> kps = listed.get(3);
        assertEquals("電話 / 網路行銷服務人員", kps.get("name"));
        assertEquals(2, kps.get("level"));
        assertEquals(25, kps.get("indicators"));
    }

    @Test
    void refusesReadersWhoHaveNotSignedIn() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/standards")));

        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
        assertEquals("urn:competency:problem:unauthorized", CatalogueApi.problem(refused).get("type"));
    }

    @Test
    void filtersByKind() {
        assertEquals(List.of("KMM5R0915v2"), CatalogueApi.codes(api.list("/api/standards?kind=UNIT")));
        assertEquals(List.of("KPS3322-M01"), CatalogueApi.codes(api.list("/api/standards?kind=model")));
    }

    @Test
    void searchesCodesNamesTaskTitlesAndIndicatorTextsInChinese() {
        assertEquals(List.of("KPS5294-001v4"), CatalogueApi.codes(api.list("/api/standards?q=" + CatalogueApi.encode("達成個人績效"))));
        assertEquals(List.of("KPS5294-001v4"), CatalogueApi.codes(api.list("/api/standards?q=" + CatalogueApi.encode("完成組織紀錄文件"))));
        assertEquals(List.of("KMM5R0915v2"), CatalogueApi.codes(api.list("/api/standards?q=" + CatalogueApi.encode("行銷資料庫"))));
        assertEquals(List.of("BAS1499-001v4"), CatalogueApi.codes(api.list("/api/standards?q=bas1499")));
        assertEquals(List.of("KMM5R0915v2"), CatalogueApi.codes(api.list("/api/standards?q=" + CatalogueApi.encode("行銷策略"))));
        assertEquals(List.of(), CatalogueApi.codes(api.list("/api/standards?q=" + CatalogueApi.encode("100%_"))));
        assertEquals(List.of("KMM5R0915v2"), CatalogueApi.codes(api.list("/api/standards?kind=UNIT&q=" + CatalogueApi.encode("行銷"))));
    }

    @Test
    void refusesAnUnknownKindNamingTheParameter() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> api.exchange(HttpRequest.GET("/api/standards?kind=COURSE"), Object.class));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertEquals("kind", CatalogueApi.errors(refused).get(0).get("field"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void servesTheWholeDocumentInTheShapeOfTheSpec() {
        Map<String, Object> kps = api.document("KPS5294-001v4");

        assertEquals("KPS5294-001v4", kps.get("code"));
        assertEquals("STANDARD", kps.get("kind"));
        assertTrue(kps.containsKey("field"));
        assertNull(kps.get("field"));
        assertEquals(Map.of("code", "KPS", "name", "行銷與銷售 / 專業銷售"), kps.get("jobCategory"));
        Map<String, Object> version = ((List<Map<String, Object>>) kps.get("versions")).get(0);
        assertEquals("2025-06-15", version.get("date"));
        assertEquals(true, version.get("current"));
        Map<String, Object> task = ((List<Map<String, Object>>) kps.get("tasks")).get(1);
        assertEquals("T1.2", task.get("code"));
        assertEquals("達成個人績效", task.get("title"));
        assertEquals("T1", task.get("responsibilityCode"));
        assertEquals(List.of(), task.get("outputs"));
        assertEquals(List.of("K01", "K02", "K03", "K04"), task.get("knowledge"));
        assertEquals(List.of(), task.get("attitudes"));
        assertEquals(Map.of("evidenceAspects", List.of(), "contexts", List.of(), "methods", List.of()), kps.get("assessment"));
        assertEquals(6, ((List<?>) kps.get("attitudes")).size());
        assertEquals(10, ((List<?>) kps.get("knowledge")).size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void servesTheStoredDocumentExactlyAsParsed() {
        Map<String, Object> unit = api.document("KMM5R0915v2");

        Map<String, List<String>> assessment = (Map<String, List<String>>) unit.get("assessment");
        assertEquals(8, assessment.get("methods").size());
        assertEquals("檢視銷售和客戶服務績效報告", assessment.get("methods").get(7));
        assertEquals(List.of(5, 5, 5, 3), ((List<Map<String, Object>>) unit.get("tasks")).stream()
                .map(t -> ((List<?>) t.get("indicators")).size()).toList());
        Map<String, Object> model = api.document("KPS3322-M01");
        Map<String, Object> k03 = ((List<Map<String, Object>>) model.get("knowledge")).get(2);
        assertEquals(Map.of("code", "K03", "text", "行銷學概念", "footnotes", List.of("註1")), k03);
    }

    @Test
    void answersNotFoundAsProblem() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> api.exchange(HttpRequest.GET("/api/standards/NOPE-001v1"), Object.class));

        assertEquals(HttpStatus.NOT_FOUND, refused.getStatus());
        assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().toString());
        assertEquals("urn:competency:problem:not-found", CatalogueApi.problem(refused).get("type"));
    }
}
