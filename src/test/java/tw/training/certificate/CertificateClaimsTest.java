package tw.training.certificate;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.TestUsers;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A certificate states exactly what was assessed: a task whose every indicator the plan held as a whole task, a
 * task the plan held only in part with just the indicators met, in JSON, HTML and PDF alike.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateClaimsTest implements DatabaseTest {

    private static final List<String> WHOLE = List.of("P2.3.1", "P2.3.2", "P2.3.3", "P2.3.4");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Test
    @SuppressWarnings("unchecked")
    void aPartlyAssessedTaskListsOnlyItsIndicatorsAndAWholeOneReadsAsWhole() throws Exception {
        TestUsers users = TestUsers.of(context, http);
        String admin = users.tokenFor("claims.admin", Roles.ADMIN);
        String trainer = users.tokenFor("claims.trainer", Roles.TRAINER);
        long course = id(send(HttpRequest.POST("/api/courses", Map.of("code", "CLAIM-1", "title", "部分任務", "hours", 6)), trainer));
        send(HttpRequest.POST("/api/courses/" + course + "/alignments", Map.of("standardCode", "KPS5294-001v4", "taskCode", "T2.3",
                "methods", List.of("OBSERVATION"))), trainer);
        send(HttpRequest.POST("/api/courses/" + course + "/alignments", Map.of("standardCode", "KPS5294-001v4", "taskCode", "T2.1",
                "methods", List.of("OBSERVATION"), "indicatorCodes", List.of("P2.1.1"))), trainer);
        send(HttpRequest.POST("/api/courses/" + course + "/publish", Map.of()), trainer);
        users.create("claims.learner", Roles.LEARNER);
        long enrollment = id(send(HttpRequest.POST("/api/courses/" + course + "/enrollments", Map.of("username", "claims.learner")), trainer));
        List<String> claimed = new java.util.ArrayList<>(WHOLE);
        claimed.add("P2.1.1");
        String indicators = String.join(",", claimed.stream().map(p -> "\"KPS5294-001v4:" + p + "\"").toList());
        long evidence = id(send(HttpRequest.POST("/api/enrollments/" + enrollment + "/evidence", MultipartBody.builder().addPart("metadata",
                "{\"method\":\"OBSERVATION\",\"title\":\"觀察\",\"indicators\":[" + indicators + "]}").build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE), users.login("claims.learner", TestUsers.PASSWORD)));
        http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course + "/judgements", claimed.stream()
                .map(p -> Map.of("evidenceId", evidence, "indicator", "KPS5294-001v4:" + p, "outcome", "MET")).toList()).bearerAuth(trainer));

        Map<String, Object> certificate = send(HttpRequest.POST("/api/enrollments/" + enrollment + "/certificate", Map.of()), admin);
        String number = (String) certificate.get("number");
        String page = http.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + number).accept(MediaType.TEXT_HTML).bearerAuth(admin));
        String pdf = text(http.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + number).accept("application/pdf").bearerAuth(admin), byte[].class));

        List<Map<String, Object>> tasks = (List<Map<String, Object>>) certificate.get("tasks");
        assertEquals(List.of("KPS5294-001v4:T2.1", "KPS5294-001v4:T2.3"), tasks.stream().map(t -> t.get("id")).toList());
        Map<String, Object> partial = tasks.get(0);
        assertEquals(false, partial.get("whole"));
        assertEquals(List.of("KPS5294-001v4:P2.1.1"), ((List<Map<String, Object>>) partial.get("indicators")).stream().map(i -> i.get("id")).toList());
        Map<String, Object> whole = tasks.get(1);
        assertEquals(true, whole.get("whole"));
        assertEquals(4, ((List<?>) whole.get("indicators")).size());
        assertFalse(page.contains("職能基準／單元之全部行為指標"), "the certificate no longer claims every indicator of every listed task");
        assertTrue(page.contains("P2.1.1") && !page.contains("P2.1.2"), "the partial task lists the indicator it met, and no other");
        assertTrue(pdf.contains("P2.1.1") && pdf.contains("全部"), pdf);
    }

    private Map<String, Object> send(MutableHttpRequest<?> request, String token) {
        return http.toBlocking().retrieve(request.bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
