package tw.training.learning;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.LearningApi;
import tw.training.testing.TestUsers;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A module's materials (issue 18): a lesson, a link and a video authored in the draft, studied by the learner of the published
 * revision; the video fetched in three ranges and reassembled byte for byte (acceptance 3); a change of a published material
 * goes into the draft; activity per learner and cohort; and every refusal.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialsApiTest implements DatabaseTest {

    /** An MP4 (its "ftyp" box, then bytes): 300 KB, so that three ranges are three real parts. */
    static final byte[] VIDEO = video();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private LearningApi api;
    private String trainer;
    private String learner;
    private String stranger;
    private String otherTrainer;
    private long course;
    private long module;
    private long lesson;
    private long link;
    private long video;
    private long enrollment;

    @BeforeAll
    void aCourseWithMaterialsIsPublished() {
        TestUsers users = TestUsers.of(context, http);
        api = new LearningApi(http);
        trainer = users.tokenFor("material.trainer", Roles.TRAINER);
        otherTrainer = users.tokenFor("material.other", Roles.TRAINER);
        learner = users.tokenFor("material.learner", Roles.LEARNER);
        stranger = users.tokenFor("material.stranger", Roles.LEARNER);
        course = api.draftCourse(trainer, "MAT-1");
        module = api.firstModule(trainer, course);
        String path = "/api/courses/" + course + "/modules/" + module + "/materials";
        lesson = LearningApi.id(api.post(trainer, path, Map.of("kind", "LESSON", "title", "客訴的五個步驟",
                "markdown", "# 傾聽\n\n先**聽完**再回應。<script>alert(1)</script>\n\n[說明](javascript:alert(1))")));
        link = LearningApi.id(api.post(trainer, path, Map.of("kind", "LINK", "title", "消費者保護法", "url", "https://law.moj.gov.tw/")));
        video = LearningApi.id(api.send(trainer, HttpRequest.POST(path, MultipartBody.builder().addPart("title", "示範影片")
                .addPart("file", "demo.mp4", new MediaType("video/mp4"), VIDEO).build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)));
        api.post(trainer, "/api/courses/" + course + "/publish", Map.of());
        enrollment = LearningApi.id(api.post(trainer, "/api/courses/" + course + "/enrollments", Map.of("username", "material.learner")));
    }

    @Test
    void theLearnerStudiesTheMaterialsOfTheirRevision() {
        List<Map<String, Object>> materials = api.list(learner, "/api/courses/" + course + "/modules/" + module + "/materials");
        assertEquals(List.of("客訴的五個步驟", "消費者保護法", "示範影片"), materials.stream().map(m -> m.get("title")).toList());
        assertEquals(List.of("LESSON", "LINK", "FILE"), materials.stream().map(m -> m.get("kind")).toList());
        String html = (String) materials.get(0).get("html");
        assertTrue(html.contains("<h1>傾聽</h1>") && html.contains("<strong>聽完</strong>"), html);
        assertFalse(html.contains("script") || html.contains("javascript"), html);
        Map<?, ?> file = (Map<?, ?>) materials.get(2).get("file");
        assertEquals("video/mp4", file.get("contentType"));
        assertEquals(VIDEO.length, ((Number) file.get("size")).intValue());
        assertEquals("/api/materials/" + video + "/file", materials.get(2).get("fileUrl"));
        assertNull(materials.get(0).get("doneAt"));

        Map<String, Object> done = api.post(learner, "/api/materials/" + lesson + "/done", Map.of());
        assertEquals(done.get("doneAt"), api.post(learner, "/api/materials/" + lesson + "/done", Map.of()).get("doneAt"), "the first time counts");
        assertEquals(done.get("doneAt"), api.get(learner, "/api/materials/" + lesson).get("doneAt"));
        api.post(learner, "/api/materials/" + video + "/done", Map.of());

        Map<String, Object> activity = api.get(learner, "/api/enrollments/" + enrollment + "/activity");
        assertEquals(3, ((Number) activity.get("materials")).intValue());
        assertEquals(2, ((Number) activity.get("studied")).intValue());
        assertEquals(0.667, ((Number) activity.get("share")).doubleValue());
        Map<?, ?> inModule = (Map<?, ?>) ((List<?>) activity.get("modules")).get(0);
        assertEquals(List.of(true, false, true), ((List<?>) inModule.get("items")).stream().map(i -> ((Map<?, ?>) i).get("doneAt") != null).toList());
        assertEquals(activity, api.get(trainer, "/api/enrollments/" + enrollment + "/activity"), "the trainer sees the same");

        Map<String, Object> cohort = api.get(trainer, "/api/courses/" + course + "/activity");
        assertEquals(1, ((Number) cohort.get("learners")).intValue());
        Map<?, ?> row = (Map<?, ?>) ((List<?>) cohort.get("enrollments")).get(0);
        assertEquals("material.learner", row.get("learner"));
        assertEquals(2, ((Number) row.get("studied")).intValue());
    }

    @Test
    void aVideoIsFetchedInThreeRangesAndReassembledByteForByte() {
        threeRangesReassemble(http, api, learner, "/api/materials/" + video + "/file", VIDEO);
    }

    /** Acceptance 3: three ranges of the file, reassembled, are the file; a range past its end is 416 naming its size. */
    static void threeRangesReassemble(HttpClient http, LearningApi api, String token, String path, byte[] file) {
        int size = file.length;
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (String range : List.of("bytes=0-65535", "bytes=65536-200000", "bytes=200001-")) {
            HttpResponse<byte[]> part = http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(token).header(HttpHeaders.RANGE, range), byte[].class);
            assertEquals(206, part.code(), range);
            String last = range.endsWith("-") ? String.valueOf(size - 1) : range.substring(range.indexOf('-') + 1);
            assertEquals("bytes " + range.substring(6, range.indexOf('-')) + "-" + last + "/" + size, part.header(HttpHeaders.CONTENT_RANGE));
            joined.writeBytes(part.body());
        }
        assertArrayEquals(file, joined.toByteArray());
        var unsatisfiable = api.refused(416, token, HttpRequest.GET(path).header(HttpHeaders.RANGE, "bytes=" + size + "-"));
        assertEquals("bytes */" + size, unsatisfiable.getResponse().header(HttpHeaders.CONTENT_RANGE));
        HttpResponse<byte[]> whole = http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(token), byte[].class);
        assertArrayEquals(file, whole.body());
        assertEquals("bytes", whole.header(HttpHeaders.ACCEPT_RANGES));
    }

    @Test
    void aChangeOfAPublishedMaterialGoesIntoTheDraftWithEveryMaterialCopied() {
        long other = api.draftCourse(trainer, "MAT-2");
        long first = api.firstModule(trainer, other);
        String path = "/api/courses/" + other + "/modules/" + first + "/materials";
        long a = LearningApi.id(api.post(trainer, path, Map.of("kind", "LESSON", "title", "第一課", "markdown", "一")));
        long b = LearningApi.id(api.post(trainer, path, Map.of("kind", "LINK", "title", "參考", "url", "https://www.mol.gov.tw/")));
        api.post(trainer, "/api/courses/" + other + "/publish", Map.of());

        Map<String, Object> changed = api.put(trainer, "/api/materials/" + a, Map.of("title", "第一課（修訂）", "position", 2));
        assertNotEquals(a, LearningApi.id(changed), "the draft's copy answers");
        long draftModule = ((Number) changed.get("moduleId")).longValue();
        assertNotEquals(first, draftModule);
        assertEquals(List.of("參考", "第一課（修訂）"), api.list(trainer, "/api/courses/" + other + "/modules/" + draftModule + "/materials")
                .stream().map(m -> m.get("title")).toList());
        assertEquals(List.of("第一課", "參考"), api.list(trainer, path).stream().map(m -> m.get("title")).toList(), "the published module is unchanged");

        assertEquals(204, http.toBlocking().exchange(HttpRequest.DELETE("/api/materials/" + b).bearerAuth(trainer)).code());
        assertEquals(List.of("第一課（修訂）"), api.list(trainer, "/api/courses/" + other + "/modules/" + draftModule + "/materials")
                .stream().map(m -> m.get("title")).toList());
        assertEquals(2, api.list(trainer, path).size(), "the published module keeps both");
        api.refused(404, trainer, HttpRequest.DELETE("/api/materials/" + b));
    }

    @Test
    void strangersAndLearnersAreRefused() {
        String path = "/api/courses/" + course + "/modules/" + module + "/materials";
        api.refused(404, stranger, HttpRequest.GET(path));
        api.refused(404, stranger, HttpRequest.GET("/api/materials/" + lesson));
        api.refused(404, stranger, HttpRequest.GET("/api/materials/" + video + "/file"));
        api.refused(404, stranger, HttpRequest.POST("/api/materials/" + lesson + "/done", Map.of()));
        api.refused(404, stranger, HttpRequest.GET("/api/enrollments/" + enrollment + "/activity"));
        api.refused(403, stranger, HttpRequest.GET("/api/courses/" + course + "/activity"));
        api.refused(404, otherTrainer, HttpRequest.GET(path));
        api.refused(404, otherTrainer, HttpRequest.GET("/api/courses/" + course + "/activity"));
        api.refused(404, otherTrainer, HttpRequest.POST(path, Map.of("kind", "LINK", "title", "x", "url", "https://example.org/")));
        api.refused(404, otherTrainer, HttpRequest.PUT("/api/materials/" + lesson, Map.of("title", "x")));
        api.refused(404, otherTrainer, HttpRequest.DELETE("/api/materials/" + lesson));
        api.refused(403, learner, HttpRequest.POST(path, Map.of("kind", "LINK", "title", "x", "url", "https://example.org/")));
        api.refused(403, learner, HttpRequest.PUT("/api/materials/" + lesson, Map.of("title", "x")));
        api.refused(403, learner, HttpRequest.DELETE("/api/materials/" + lesson));
        api.refused(404, trainer, HttpRequest.POST("/api/materials/" + lesson + "/done", Map.of()));
        api.refused(404, learner, HttpRequest.GET("/api/materials/" + lesson + "/file"));
    }

    @Test
    void badMaterialsAreRefusedNamingTheField() {
        String path = "/api/courses/" + course + "/modules/" + module + "/materials";
        assertEquals(List.of("url"), LearningApi.fields(api.refused(422, trainer, HttpRequest.POST(path,
                Map.of("kind", "LINK", "title", "壞連結", "url", "javascript:alert(1)")))));
        assertEquals(List.of("title", "markdown"), LearningApi.fields(api.refused(422, trainer, HttpRequest.POST(path, Map.of("kind", "LESSON", "title", " ")))));
        assertEquals(List.of("kind"), LearningApi.fields(api.refused(422, trainer, HttpRequest.POST(path, Map.of("kind", "QUIZ", "title", "x")))));
        api.refused(415, trainer, HttpRequest.POST(path, MultipartBody.builder().addPart("file", "run.exe", MediaType.APPLICATION_OCTET_STREAM_TYPE,
                new byte[]{'M', 'Z', 0, 0}).build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
        assertEquals(List.of("file"), LearningApi.fields(api.refused(422, trainer, HttpRequest.POST(path, MultipartBody.builder().addPart("title", "無檔案")
                .build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE))));
        assertEquals(3, api.list(trainer, path).size(), "nothing was added");
    }

    private static byte[] video() {
        byte[] bytes = new byte[300_000];
        new Random(18).nextBytes(bytes);
        byte[] box = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        System.arraycopy(box, 0, bytes, 0, box.length);
        return bytes;
    }
}
