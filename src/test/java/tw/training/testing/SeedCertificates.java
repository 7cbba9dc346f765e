package tw.training.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import tw.training.catalogue.CatalogueService;
import tw.training.catalogue.StandardSummary;
import tw.training.catalogue.document.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A certificate of each seed, earned through the API as people earn one: a course on the first task of the seed that has
 * indicators, the learner enrolled, a portfolio piece claiming every indicator of the task, each judged MET, the certificate
 * issued. For the interchange tests, which check what each seed becomes.
 */
public final class SeedCertificates {

    /** What was earned for one seed. */
    public record Earned(String standardCode, String taskCode, List<String> indicators, String courseCode, long courseId, long enrollmentId, long evidenceId,
                         String certificateNumber) {
    }

    private SeedCertificates() {
    }

    /** One certificate per seed for {@code learnerUsername}, courses coded {@code <prefix>-1…}, in the catalogue's order. */
    public static List<Earned> earn(ApplicationContext context, HttpClient http, String prefix, String trainer, String admin,
                                    String learnerUsername, String learner) {
        CatalogueService catalogue = context.getBean(CatalogueService.class);
        List<Earned> earned = new ArrayList<>();
        for (StandardSummary seed : catalogue.list(null, null)) {
            Task task = catalogue.get(seed.code()).tasks().stream().filter(t -> !t.indicators().isEmpty()).findFirst().orElseThrow();
            String code = prefix + "-" + (earned.size() + 1);
            long course = PortfolioCourse.id(PortfolioCourse.post(http, "/api/courses", trainer, Map.of("code", code, "title", seed.name(), "hours", 8)));
            PortfolioCourse.post(http, "/api/courses/" + course + "/alignments", trainer, Map.of("standardCode", seed.code(), "taskCode", task.code(),
                    "methods", List.of("PORTFOLIO")));
            PortfolioCourse.post(http, "/api/courses/" + course + "/publish", trainer, Map.of());
            long enrollment = PortfolioCourse.id(PortfolioCourse.post(http, "/api/courses/" + course + "/enrollments", trainer,
                    Map.of("username", learnerUsername)));
            List<String> claims = task.indicators().stream().map(i -> seed.code() + ":" + i.code()).toList();
            Map<String, Object> evidence = http.toBlocking().retrieve(HttpRequest.POST("/api/enrollments/" + enrollment + "/evidence",
                    MultipartBody.builder()
                            .addPart("metadata", "{\"method\":\"PORTFOLIO\",\"title\":\"作品\",\"indicators\":[\"" + String.join("\",\"", claims) + "\"]}")
                            .addPart("file", "work.pdf", new MediaType("application/pdf"), PortfolioCourse.PDF).build())
                    .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(learner), Argument.mapOf(String.class, Object.class));
            http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course + "/judgements", claims.stream().map(id -> Map.<String, Object>of(
                    "evidenceId", evidence.get("id"), "indicator", id, "outcome", "MET")).toList()).bearerAuth(trainer));
            String certificate = (String) PortfolioCourse.post(http, "/api/enrollments/" + enrollment + "/certificate", admin, Map.of()).get("number");
            earned.add(new Earned(seed.code(), task.code(), claims, code, course, enrollment, ((Number) evidence.get("id")).longValue(), certificate));
        }
        return earned;
    }
}
