package tw.training.evidence;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import tw.training.account.Roles;
import tw.training.course.CourseFixtures;
import tw.training.testing.TestUsers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole round trip of SPEC §4, run against each evidence store: enroll, upload two files with Chinese
 * names, download them byte-identical, judge, list the history.
 */
final class EvidenceRoundTrip {

    static final byte[] PDF = ("%PDF-1.4\n% 客訴紀錄\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] PNG = pngBytes();

    private EvidenceRoundTrip() {
    }

    @SuppressWarnings("unchecked")
    static void run(HttpClient http, ApplicationContext context, String prefix) {
        TestUsers users = TestUsers.of(context, http);
        String trainerToken = users.tokenFor(prefix + ".trainer", Roles.TRAINER);
        long course = CourseFixtures.publishedComplaintsCourse(http, trainerToken, prefix.toUpperCase() + "-EV", "客訴處理");
        String learnerToken = users.tokenFor(prefix + ".learner", Roles.LEARNER);
        EvidenceApi trainer = new EvidenceApi(http, trainerToken);
        Map<String, Object> enrollment = trainer.send(HttpRequest.POST("/api/courses/" + course + "/enrollments",
                Map.of("username", prefix + ".learner")));
        long enrollmentId = ((Number) enrollment.get("id")).longValue();
        EvidenceApi learner = new EvidenceApi(http, learnerToken);

        Map<String, Object> evidence = learner.submit(enrollmentId,
                EvidenceApi.metadata("OBSERVATION", "現場處理客訴", List.of("KPS5294-001v4:P2.3.1", "KPS5294-001v4:P2.3.3")),
                new EvidenceApi.Upload("客訴紀錄表.pdf", MediaType.APPLICATION_PDF_TYPE, PDF),
                new EvidenceApi.Upload("現場照片 (1).png", MediaType.IMAGE_PNG_TYPE, PNG));

        long evidenceId = ((Number) evidence.get("id")).longValue();
        assertEquals("OBSERVATION", evidence.get("method"));
        assertEquals("SUBMITTED", evidence.get("status"));
        assertEquals(List.of("KPS5294-001v4:P2.3.1", "KPS5294-001v4:P2.3.3"), evidence.get("indicators"));
        List<Map<String, Object>> files = (List<Map<String, Object>>) evidence.get("files");
        assertEquals(List.of("客訴紀錄表.pdf", "現場照片 (1).png"), files.stream().map(f -> f.get("filename")).toList());
        assertEquals(List.of("application/pdf", "image/png"), files.stream().map(f -> f.get("contentType")).toList());
        assertEquals(sha256(PDF), files.get(0).get("sha256"));
        assertEquals(PDF.length, ((Number) files.get(0).get("size")).intValue());

        for (int i = 0; i < 2; i++) {
            String path = "/api/evidence/" + evidenceId + "/files/" + files.get(i).get("id");
            HttpResponse<byte[]> asLearner = learner.download(path);
            HttpResponse<byte[]> asTrainer = trainer.download(path);
            assertArrayEquals(i == 0 ? PDF : PNG, asLearner.body());
            assertArrayEquals(asLearner.body(), asTrainer.body());
            assertEquals(files.get(i).get("contentType"), asLearner.getContentType().orElseThrow().toString());
            assertEquals("\"" + files.get(i).get("sha256") + "\"", asLearner.header(HttpHeaders.ETAG));
            assertTrue(asLearner.header(HttpHeaders.CONTENT_DISPOSITION).contains("filename*=UTF-8''"
                    + java.net.URLEncoder.encode((String) files.get(i).get("filename"), StandardCharsets.UTF_8).replace("+", "%20")),
                    asLearner.header(HttpHeaders.CONTENT_DISPOSITION));
            HttpResponse<?> notModified = learner.exchange(HttpRequest.GET(path)
                    .header(HttpHeaders.IF_NONE_MATCH, asLearner.header(HttpHeaders.ETAG)));
            assertEquals(HttpStatus.NOT_MODIFIED, notModified.getStatus());
        }

        trainer.send(HttpRequest.POST("/api/evidence/" + evidenceId + "/judgements",
                Map.of("indicator", "KPS5294-001v4:P2.3.1", "outcome", "NOT_YET", "comment", "語氣需更正面")));
        trainer.send(HttpRequest.POST("/api/evidence/" + evidenceId + "/judgements",
                Map.of("indicator", "KPS5294-001v4:P2.3.1", "outcome", "MET", "comment", "已改善")));

        List<Map<String, Object>> history = (List<Map<String, Object>>) learner.send(HttpRequest.GET("/api/evidence/" + evidenceId)).get("judgements");
        assertEquals(List.of("NOT_YET", "MET"), history.stream().map(j -> j.get("outcome")).toList());
        assertEquals(List.of(prefix + ".trainer", prefix + ".trainer"), history.stream().map(j -> j.get("assessor")).toList());
        assertTrue(history.stream().allMatch(j -> j.get("judgedAt") != null));
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real 1×1 PNG. */
    private static byte[] pngBytes() {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
