package tw.training.evidence;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.FormClient;
import tw.training.testing.LearningApi;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file the database records but the store no longer holds (issue 29, point 2): evidence and materials alike answer a
 * 404 problem saying the file is missing, on the API and the pages, never a 500; readiness stays UP.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MissingStoredFileTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Test
    @SuppressWarnings("unchecked")
    void aLostFileIsA404ThatSaysSoAndTheStoreStaysReady() throws IOException {
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("lost.trainer", Roles.TRAINER);
        String learner = users.tokenFor("lost.learner", Roles.LEARNER);
        PortfolioCourse course = PortfolioCourse.publish(http, trainer, "LOST-1", "遺失的檔案");
        long enrollment = course.enroll("lost.learner");
        Map<String, Object> evidence = course.submit(learner, enrollment, "作品", List.of("P2.3.1"), "drill.pdf", new MediaType("application/pdf"),
                PortfolioCourse.PDF);
        long file = ((Number) ((List<Map<String, Object>>) evidence.get("files")).get(0).get("id")).longValue();
        LearningApi api = new LearningApi(http);
        api.post(trainer, "/api/courses/" + course.id() + "/modules", Map.of("title", "講義", "hours", 6, "tasks", List.of("KPS5294-001v4:T2.3")));
        long material = LearningApi.id(api.send(trainer, HttpRequest.POST("/api/courses/" + course.id() + "/modules/"
                + api.firstModule(trainer, course.id()) + "/materials", MultipartBody.builder().addPart("title", "講義")
                .addPart("file", "handout.pdf", new MediaType("application/pdf"), PortfolioCourse.PDF).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)));
        String evidencePath = "/api/evidence/" + evidence.get("id") + "/files/" + file;
        String materialPath = "/api/materials/" + material + "/file";
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET(evidencePath).bearerAuth(learner), byte[].class).code());

        try (Stream<Path> stored = Files.walk(Path.of(context.getRequiredProperty("app.evidence.local-dir", String.class)))) {
            for (Path path : stored.filter(Files::isRegularFile).toList()) {
                Files.delete(path);
            }
        }

        for (String path : List.of(evidencePath, materialPath)) {
            HttpClientResponseException lost = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(trainer), byte[].class));
            assertEquals(404, lost.code(), path);
            String problem = lost.getResponse().getBody(String.class).orElse("");
            assertTrue(problem.contains("missing from the store"), problem);
        }
        FormClient page = new FormClient(server.getURL().toString(), "zh-TW").signIn("lost.trainer", TestUsers.PASSWORD);
        assertEquals(404, page.getBytes("/materials/" + material + "/file").statusCode(), "the page's file link too");
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/health/readiness"), String.class).code(), "the store answers: ready");
    }
}
