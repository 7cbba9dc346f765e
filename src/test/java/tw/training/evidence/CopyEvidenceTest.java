package tw.training.evidence;

import io.micronaut.configuration.picocli.PicocliRunner;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.course.CourseFixtures;
import tw.training.testing.DatabaseTest;
import tw.training.testing.S3Server;
import tw.training.testing.TestFolders;
import tw.training.testing.TestUsers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code copy-evidence} moves a local evidence folder into an S3 store (the in-process one): afterwards a server
 * on that store serves every file with the SHA-256 recorded at upload. Run again, it copies nothing and still
 * succeeds; a file missing from the folder makes it fail, naming the file.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopyEvidenceTest implements DatabaseTest {

    private static final String P231 = "KPS5294-001v4:P2.3.1";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private final Map<String, String> properties = new HashMap<>();

    @Override
    public Map<String, String> getProperties() {
        properties.putAll(DatabaseTest.super.getProperties());
        properties.putAll(TestFolders.localEvidence());
        return properties;
    }

    @Test
    @SuppressWarnings("unchecked")
    void movesALocalStoreIntoS3WhereEveryFileDownloadsWithItsSha256() throws Exception {
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("copy.trainer", Roles.TRAINER);
        long course = CourseFixtures.publishedComplaintsCourse(http, trainer, "COPY", "搬移");
        users.create("copy.learner", Roles.LEARNER);
        long enrollment = ((Number) new EvidenceApi(http, trainer).send(HttpRequest.POST("/api/courses/" + course + "/enrollments",
                Map.of("username", "copy.learner"))).get("id")).longValue();
        String token = users.tokenFor("copy.learner", Roles.LEARNER);
        EvidenceApi learner = new EvidenceApi(http, token);
        Map<String, Object> first = learner.submit(enrollment, EvidenceApi.metadata("OBSERVATION", "第一", List.of(P231)),
                new EvidenceApi.Upload("紀錄.pdf", MediaType.APPLICATION_PDF_TYPE, EvidenceRoundTrip.PDF),
                new EvidenceApi.Upload("照片.png", MediaType.IMAGE_PNG_TYPE, EvidenceRoundTrip.PNG));
        Map<String, Object> second = learner.submit(enrollment, EvidenceApi.metadata("OBSERVATION", "第二", List.of(P231)),
                new EvidenceApi.Upload("second.pdf", MediaType.APPLICATION_PDF_TYPE, EvidenceRoundTrip.PDF));
        long material = material(http, trainer, course, "講義.pdf");
        Path local = Path.of(properties.get("app.evidence.local-dir"));
        Map<String, String> onS3 = new HashMap<>(properties);
        onS3.putAll(S3Server.freshBucket());

        int copied = copy(onS3, local);
        int again = copy(onS3, local);

        assertEquals(0, copied);
        assertEquals(0, again, "run again, it finds every file there and verified");
        onS3.put("micronaut.server.port", "-1");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, new HashMap<String, Object>(onS3));
             HttpClient client = HttpClient.create(server.getURL())) {
            for (Map<String, Object> evidence : List.of(first, second)) {
                for (Map<String, Object> file : (List<Map<String, Object>>) evidence.get("files")) {
                    byte[] bytes = client.toBlocking().retrieve(HttpRequest.GET("/api/evidence/" + evidence.get("id") + "/files/" + file.get("id"))
                            .bearerAuth(token), byte[].class);
                    assertEquals(file.get("sha256"), EvidenceRoundTrip.sha256(bytes), file.get("filename").toString());
                }
            }
            byte[] handout = client.toBlocking().retrieve(HttpRequest.GET("/api/materials/" + material + "/file").bearerAuth(trainer), byte[].class);
            assertEquals(EvidenceRoundTrip.sha256(EvidenceRoundTrip.PDF), EvidenceRoundTrip.sha256(handout), "a course material's file is copied too");
        }
        try (Stream<Path> files = Files.walk(local)) {
            Files.delete(files.filter(Files::isRegularFile).findFirst().orElseThrow());
        }
        Map<String, String> elsewhere = new HashMap<>(properties);
        elsewhere.putAll(S3Server.freshBucket());
        assertEquals(1, copy(elsewhere, local), "a file missing from the folder fails the copy");
    }

    /** A file material (a PDF handout) in the draft of the course's first module; answers its id. */
    @SuppressWarnings("unchecked")
    static long material(HttpClient http, String trainer, long course, String filename) {
        Map<String, Object> view = http.toBlocking().retrieve(HttpRequest.GET("/api/courses/" + course).bearerAuth(trainer),
                io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
        Object module = ((List<Map<String, Object>>) view.get("modules")).get(0).get("id");
        Map<?, ?> material = http.toBlocking().retrieve(HttpRequest.POST("/api/courses/" + course + "/modules/" + module + "/materials",
                        io.micronaut.http.client.multipart.MultipartBody.builder().addPart("title", filename)
                                .addPart("file", filename, MediaType.APPLICATION_PDF_TYPE, EvidenceRoundTrip.PDF).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(trainer), Map.class);
        return ((Number) material.get("id")).longValue();
    }

    private static int copy(Map<String, String> properties, Path from) throws Exception {
        try (ApplicationContext command = ApplicationContext.run(new HashMap<String, Object>(properties), Environment.CLI)) {
            return PicocliRunner.call(CopyEvidenceCommand.class, command, "--from-local", from.toString());
        }
    }
}
