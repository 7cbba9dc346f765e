package tw.training.course.dossier;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import tw.training.course.CourseFixtures;
import tw.training.testing.DatabaseTest;
import tw.training.testing.TestUsers;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A course's coverage and its accreditation dossier, as JSON and as a page. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierApiTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private String trainer;
    private long course;

    @BeforeAll
    void publishTheComplaintsCourse() {
        TestUsers users = TestUsers.of(context, http);
        trainer = users.tokenFor("tsai.trainer", Roles.TRAINER);
        course = CourseFixtures.publishedComplaintsCourse(http, trainer, "DC-101", "客訴處理與銷售實務");
    }

    @Test
    @SuppressWarnings("unchecked")
    void coverageSaysWhichKnowledgeSkillsAndAttitudesTheAlignedTasksCover() {
        Map<String, Object> coverage = get("/api/courses/" + course + "/coverage");

        Map<String, Object> kps = document(coverage, "KPS5294-001v4");
        assertEquals(List.of("T2.3", "T2.4"), covered(kps, "tasks"));
        assertEquals(List.of("P2.3.1", "P2.3.2", "P2.3.3", "P2.3.4", "P2.4.1", "P2.4.3"), covered(kps, "indicators"));
        assertTrue(((List<String>) ((Map<String, Object>) kps.get("indicators")).get("uncovered")).contains("P2.4.2"));
        assertEquals(List.of("K06", "K07", "K08", "K09", "K10"), covered(kps, "knowledge"));
        assertEquals(List.of("K01", "K02", "K03", "K04", "K05"), ((Map<String, Object>) kps.get("knowledge")).get("uncovered"));
        assertEquals(List.of("S01", "S02", "S03", "S04", "S05", "S06", "S07"), covered(kps, "skills"));
        assertEquals(List.of("S08"), ((Map<String, Object>) kps.get("skills")).get("uncovered"));
        assertEquals(true, ((Map<String, Object>) kps.get("attitudes")).get("documentWide"), "KPS5294 has no task-by-attitude matrix");
        assertEquals(6, covered(kps, "attitudes").size());
        Map<String, Object> bas = document(coverage, "BAS1499-001v4");
        assertEquals(List.of("K05", "K10", "K11", "K12", "K14"), covered(bas, "knowledge"));
        assertEquals(List.of("S02", "S11", "S13", "S14"), covered(bas, "skills"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void coverageListsTheIndicatorsOfEachMethod() {
        Map<String, Object> coverage = get("/api/courses/" + course + "/coverage");

        Map<String, List<String>> byMethod = (Map<String, List<String>>) coverage.get("indicatorsByMethod");
        assertEquals(List.of("KPS5294-001v4:P2.3.1", "KPS5294-001v4:P2.3.3", "KPS5294-001v4:P2.3.4"), byMethod.get("OBSERVATION").stream().sorted().toList());
        assertEquals(List.of("KPS5294-001v4:P2.3.2"), byMethod.get("ORAL_QUESTIONING"));
        assertEquals(3, byMethod.get("THIRD_PARTY_REPORT").size());
        assertEquals(List.of(), coverage.get("indicatorsWithoutMethod"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void dossierListsModulesTasksIndicatorsCompetencesAndMethodsWithTheSourceVersions() {
        Map<String, Object> dossier = get("/api/courses/" + course + "/dossier");

        List<Map<String, Object>> documents = (List<Map<String, Object>>) dossier.get("documents");
        assertEquals(List.of("BAS1499-001v4 V4 2023-12-15", "KPS5294-001v4 V4 2025-06-15"),
                documents.stream().map(d -> d.get("code") + " " + d.get("version") + " " + d.get("versionDate")).toList());
        List<Map<String, Object>> modules = (List<Map<String, Object>>) dossier.get("modules");
        assertEquals(List.of("客訴處理", "完成銷售"), modules.stream().map(m -> m.get("title")).toList());
        List<Map<String, Object>> firstTasks = (List<Map<String, Object>>) modules.get(0).get("tasks");
        assertEquals(List.of("BAS1499-001v4:T2.2 維護客戶關係 3", "KPS5294-001v4:T2.3 處理客訴 3"),
                firstTasks.stream().map(t -> t.get("id") + " " + t.get("title") + " " + t.get("level")).toList());
        Map<String, Object> complaints = firstTasks.get(1);
        Map<String, Object> p231 = ((List<Map<String, Object>>) complaints.get("indicators")).get(0);
        assertEquals("以正面方式來回應顧客對產品、服務或組織的抱怨。", p231.get("text"));
        assertEquals(List.of(Map.of("code", "OBSERVATION", "name", "實作觀察"), Map.of("code", "PORTFOLIO", "name", "作品集審查")), p231.get("methods"));
        assertEquals(Map.of("code", "K10", "text", "客訴處理方法"), ((List<Map<String, Object>>) complaints.get("knowledge")).get(4));
        assertEquals(List.of(), dossier.get("unassignedTasks"));
        List<Map<String, Object>> sales = (List<Map<String, Object>>) modules.get(1).get("tasks");
        assertEquals(2, ((List<?>) sales.get(0).get("indicators")).size());
    }

    @Test
    void dossierPageShowsTheChineseTitlesAndEscapesWhatTrainersTyped() {
        long hostile = CourseFixtures.publishedComplaintsCourse(http, trainer, "DC-102", "客訴 <script>alert('x')</script> & 銷售");

        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/api/courses/" + hostile + "/dossier")
                .accept("text/html").bearerAuth(trainer), String.class);

        assertEquals("text/html;charset=UTF-8", page.getContentType().orElseThrow().toString());
        String html = page.body();
        for (String text : List.of("處理客訴", "完成銷售", "維護客戶關係", "實作觀察", "第三方報告", "KPS5294-001v4", "V4", "客訴處理方法")) {
            assertTrue(html.contains(text), text);
        }
        assertTrue(html.contains("客訴 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 銷售"), html);
        assertFalse(html.contains("<script>"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void modulesAreNumberedInOrderAfterOneIsDeleted() {
        long draft = CourseFixtures.publishedComplaintsCourse(http, trainer, "DC-109", "刪除模組");
        Map<String, Object> view = http.toBlocking().retrieve(HttpRequest.POST("/api/courses/" + draft + "/modules",
                Map.of("title", "第三", "hours", 2, "tasks", List.of())).bearerAuth(trainer), Map.class);
        List<Map<String, Object>> before = (List<Map<String, Object>>) view.get("modules");
        http.toBlocking().exchange(HttpRequest.DELETE("/api/courses/" + draft + "/modules/" + before.get(0).get("id")).bearerAuth(trainer));

        List<Map<String, Object>> modules = (List<Map<String, Object>>) get("/api/courses/" + draft + "/dossier?revision=2").get("modules");

        assertEquals(List.of(1, 2), modules.stream().map(m -> m.get("position")).toList());
        assertEquals(List.of("完成銷售", "第三"), modules.stream().map(m -> m.get("title")).toList());
    }

    @Test
    void theDossierPrintsAsPdfForAccreditation() throws Exception {
        byte[] pdf = http.toBlocking().retrieve(HttpRequest.GET("/api/courses/" + course + "/dossier").accept("application/pdf").bearerAuth(trainer),
                byte[].class);

        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("職能導向課程規劃表") && text.contains("客訴處理與銷售實務") && text.contains("KPS5294-001v4"), text);
        }
    }

    @Test
    void anotherTrainerGetsNeitherCoverageNorDossier() {
        String other = TestUsers.of(context, http).tokenFor("other.trainer", Roles.TRAINER);

        for (String path : List.of("/coverage", "/dossier")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET("/api/courses/" + course + path).bearerAuth(other)));
            assertEquals(HttpStatus.NOT_FOUND, refused.getStatus(), path);
        }
    }

    private Map<String, Object> get(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(trainer), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(Map<String, Object> coverage, String code) {
        return ((List<Map<String, Object>>) coverage.get("documents")).stream().filter(d -> d.get("code").equals(code)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> covered(Map<String, Object> document, String part) {
        return (List<String>) ((Map<String, Object>) document.get(part)).get("covered");
    }
}
