package tw.training.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The course the pages' tests start from, built through the API as a trainer would: one task of KPS5294-001v4
 * (T2.3, four indicators P2.3.1–P2.3.4) assessed by portfolio, published; then enrollments, evidence and judgements.
 */
public final class PortfolioCourse {

    public static final String STANDARD = "KPS5294-001v4";
    public static final List<String> INDICATORS = List.of("P2.3.1", "P2.3.2", "P2.3.3", "P2.3.4");
    /** A real one-page PDF (a browser's viewer shows it), made once by PDFBox. */
    public static final byte[] PDF = onePagePdf();

    private final HttpClient http;
    private final String trainer;
    private final long id;

    private PortfolioCourse(HttpClient http, String trainer, long id) {
        this.http = http;
        this.trainer = trainer;
        this.id = id;
    }

    public static PortfolioCourse publish(HttpClient http, String trainer, String code, String title) {
        return publish(http, trainer, code, title, List.of("PORTFOLIO"));
    }

    /** The course with task T2.3 assessed by {@code methods}. */
    public static PortfolioCourse publish(HttpClient http, String trainer, String code, String title, List<String> methods) {
        long course = id(post(http, "/api/courses", trainer, Map.of("code", code, "title", title, "hours", 6)));
        post(http, "/api/courses/" + course + "/alignments", trainer, Map.of("standardCode", STANDARD, "taskCode", "T2.3",
                "methods", methods));
        post(http, "/api/courses/" + course + "/publish", trainer, Map.of());
        return new PortfolioCourse(http, trainer, course);
    }

    public long id() {
        return id;
    }

    /** Enrolls the user; answers the enrollment's id. */
    public long enroll(String username) {
        return id(post(http, "/api/courses/" + id + "/enrollments", trainer, Map.of("username", username)));
    }

    /** Submits a piece of evidence by portfolio with one file, as the learner, claiming {@code codes} ("P2.3.1"); answers it. */
    public Map<String, Object> submit(String learner, long enrollment, String title, List<String> codes, String filename, MediaType type,
                                      byte[] content) {
        String claims = String.join(",", codes.stream().map(code -> "\"" + STANDARD + ":" + code + "\"").toList());
        return http.toBlocking().retrieve(HttpRequest.POST("/api/enrollments/" + enrollment + "/evidence", MultipartBody.builder()
                        .addPart("metadata", "{\"method\":\"PORTFOLIO\",\"title\":\"" + title + "\",\"indicators\":[" + claims + "]}")
                        .addPart("file", filename, type, content).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(learner), Argument.mapOf(String.class, Object.class));
    }

    /** {@link #submit} with a small PDF; answers the evidence's id. */
    public long submitPdf(String learner, long enrollment, String title, List<String> codes) {
        return id(submit(learner, enrollment, title, codes, "drill.pdf", new MediaType("application/pdf"), PDF));
    }

    /** One judgement by the trainer. */
    public void judge(long evidence, String code, String outcome, String comment) {
        assertEquals(201, http.toBlocking().exchange(HttpRequest.POST("/api/evidence/" + evidence + "/judgements",
                Map.of("indicator", STANDARD + ":" + code, "outcome", outcome, "comment", comment)).bearerAuth(trainer)).code());
    }

    /** MET on each of {@code codes}, in one batch by the trainer. */
    public void meet(long evidence, List<String> codes, String comment) {
        http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + id + "/judgements", codes.stream().map(code -> Map.<String, Object>of(
                "evidenceId", evidence, "indicator", STANDARD + ":" + code, "outcome", "MET", "comment", comment)).toList()).bearerAuth(trainer));
    }

    private static byte[] onePagePdf() {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A certificate for {@code learnerUsername}: a course coded {@code code} published, the learner enrolled, a PDF
     * submitted for every indicator and met, the certificate issued by {@code admin}; answers its number.
     */
    public static String certified(HttpClient http, String trainer, String admin, String learnerUsername, String learner, String code) {
        PortfolioCourse course = publish(http, trainer, code, "客訴處理實務");
        long enrollment = course.enroll(learnerUsername);
        long evidence = course.submitPdf(learner, enrollment, "完整演練", INDICATORS);
        course.meet(evidence, INDICATORS, "完整");
        return (String) post(http, "/api/enrollments/" + enrollment + "/certificate", admin, Map.of()).get("number");
    }

    public static Map<String, Object> post(HttpClient http, String path, String token, Object body) {
        return http.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    public static long id(Map<String, Object> answer) {
        return ((Number) answer.get("id")).longValue();
    }
}
