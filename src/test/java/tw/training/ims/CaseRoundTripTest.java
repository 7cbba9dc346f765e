package tw.training.ims;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.catalogue.CatalogueService;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Task;
import tw.training.testing.DatabaseTest;
import tw.training.testing.TestUsers;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CASE round trip (issue 19, acceptance 3): each of the five seeds exported as a CFPackage and imported under a new code
 * yields the same responsibilities, tasks (title, level, work outputs, indicators, K/S/A mapping), knowledge, skills and
 * attitudes; importing it again changes nothing, other content under its code is refused, a broken package is refused
 * naming every fault, and an imported framework is aligned in a course like any document.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseRoundTripTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    CatalogueService catalogue;

    private String trainer;

    @BeforeAll
    void aTrainer() {
        trainer = TestUsers.of(context, http).tokenFor("case.importer", Roles.TRAINER);
    }

    private String get(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(trainer));
    }

    private HttpResponse<Map<String, Object>> post(String code, String body) {
        return http.toBlocking().exchange(HttpRequest.POST("/api/standards?code=" + code, body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(trainer), Argument.mapOf(String.class, Object.class));
    }

    @Test
    void everySeedRoundTripsUnderANewCode() {
        List<String> seeds = List.of("KPS5294-001v4", "BAS1499-001v4", "THM2431-001v1");
        List<String> all = catalogue.list(null, null).stream().map(s -> s.code()).toList();
        assertEquals(5, all.size());
        int n = 0;
        for (String code : all) {
            String exported = get("/ims/case/v1p1/CFPackages/" + CaseIds.document(code));
            String copy = "RT-" + (++n);
            assertEquals(201, post(copy, exported).code(), code);
            assertEquals(structure(catalogue.get(code)), structure(catalogue.get(copy)), code + " and its copy " + copy);
            assertEquals(200, post(copy, exported).code(), "the same package again changes nothing");
        }
        assertTrue(all.containsAll(seeds));
        String other = get("/ims/case/v1p1/CFPackages/" + CaseIds.document("KPS5294-001v4"));
        String basCopy = "RT-" + (all.indexOf("BAS1499-001v4") + 1);
        HttpClientResponseException taken = assertThrows(HttpClientResponseException.class, () -> post(basCopy, other));
        assertEquals(409, taken.code(), "another framework under a taken code");

        Map<String, Object> course = http.toBlocking().retrieve(HttpRequest.POST("/api/courses", Map.of("code", "CASE-1", "title", "匯入框架課程",
                "hours", 6)).bearerAuth(trainer), Argument.mapOf(String.class, Object.class));
        String imported = "RT-" + (all.indexOf("KPS5294-001v4") + 1);
        assertEquals(201, http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course.get("id") + "/alignments",
                Map.of("standardCode", imported, "taskCode", "T2.3", "methods", List.of("PORTFOLIO"))).bearerAuth(trainer)).code(),
                "an imported framework is used in a course");
    }

    @Test
    void aBrokenPackageIsRefusedNamingEveryFault() {
        String body = "{\"CFDocument\":{\"identifier\":\"" + CaseIds.document("X") + "\",\"title\":\"壞的框架\"},"
                + "\"CFItems\":[{\"identifier\":\"a\",\"fullStatement\":\"某任務\",\"CFItemType\":\"Lesson\",\"humanCodingScheme\":\"T1\"},"
                + "{\"identifier\":\"b\",\"CFItemType\":\"Task\",\"humanCodingScheme\":\"T2\"}],"
                + "\"CFAssociations\":[{\"identifier\":\"c\",\"associationType\":\"isChildOf\",\"originNodeURI\":{\"identifier\":\"z\"},"
                + "\"destinationNodeURI\":{\"identifier\":\"" + CaseIds.document("X") + "\"}}]}";
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> post("BROKEN-1", body));
        assertEquals(422, refused.code());
        String problem = refused.getResponse().getBody(String.class).orElse("");
        for (String field : List.of("CFItems[0].CFItemType", "CFItems[1].fullStatement", "CFAssociations[0].originNodeURI")) {
            assertTrue(problem.contains(field), field + " in " + problem);
        }
        assertTrue(catalogue.find("BROKEN-1").isEmpty(), "nothing imported");
        HttpClientResponseException notJson = assertThrows(HttpClientResponseException.class, () -> post("BROKEN-2", "{not json"));
        assertEquals(400, notJson.code());
    }

    /** What a round trip keeps: the tree, the texts, the levels and the K/S/A mapping (not footnotes, versions or notes). */
    private static String structure(CompetencyDocument d) {
        StringBuilder s = new StringBuilder();
        d.responsibilities().forEach(r -> s.append("R ").append(r.code()).append(' ').append(r.title()).append('\n'));
        for (Task t : d.tasks()) {
            s.append("T ").append(t.code()).append(' ').append(t.title()).append(" level=").append(t.level()).append(" under=")
                    .append(t.responsibilityCode()).append(" K=").append(t.knowledge()).append(" S=").append(t.skills())
                    .append(" A=").append(t.attitudes()).append('\n');
            t.outputs().forEach(o -> s.append("  O ").append(o.code()).append(' ').append(o.title()).append('\n'));
            t.indicators().forEach(i -> s.append("  P ").append(i.code()).append(' ').append(i.text()).append('\n'));
        }
        d.knowledge().forEach(k -> s.append("K ").append(k.code()).append(' ').append(k.text()).append('\n'));
        d.skills().forEach(k -> s.append("S ").append(k.code()).append(' ').append(k.text()).append('\n'));
        d.attitudes().forEach(a -> s.append("A ").append(a.code()).append(' ').append(a.name()).append(" / ").append(a.description()).append('\n'));
        s.append("kind=").append(d.kind()).append(" level=").append(d.level());
        return s.toString();
    }
}
