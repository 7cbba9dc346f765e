package tw.training.evidence;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.course.CourseFixtures;
import tw.training.testing.DatabaseTest;
import tw.training.testing.TestUsers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a crash leaves (staged files, stored files no evidence refers to) is removed at start; evidence stays. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceSweeperTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    private final Map<String, String> folders = new HashMap<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        folders.putAll(properties);
        return properties;
    }

    @Test
    void sweepsLeftoversOfACrashAndKeepsRecordedFiles() throws Exception {
        TestUsers users = TestUsers.of(context, http);
        String trainer = users.tokenFor("sweep.trainer", Roles.TRAINER);
        long course = CourseFixtures.publishedComplaintsCourse(http, trainer, "SWEEP", "清理");
        EvidenceApi trainerApi = new EvidenceApi(http, trainer);
        users.create("sweep.learner", Roles.LEARNER);
        long enrollment = ((Number) trainerApi.send(HttpRequest.POST("/api/courses/" + course + "/enrollments",
                Map.of("username", "sweep.learner"))).get("id")).longValue();
        EvidenceApi learner = new EvidenceApi(http, users.tokenFor("sweep.learner", Roles.LEARNER));
        learner.submit(enrollment, EvidenceApi.metadata("OBSERVATION", "留下", List.of("KPS5294-001v4:P2.3.1")),
                new EvidenceApi.Upload("留下.pdf", MediaType.APPLICATION_PDF_TYPE, EvidenceRoundTrip.PDF));
        Path store = Path.of(folders.get("app.evidence.local-dir"));
        Path staging = Path.of(folders.get("app.evidence.staging-dir"));
        Path staged = Files.writeString(staging.resolve("interrupted.part"), "half an upload");
        Path orphan = Files.createDirectories(store.resolve("2020/01/01")).resolve("orphan");
        Files.writeString(orphan, "stored, never recorded");
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Path young = Files.writeString(store.resolve("2020/01/01/young"), "being recorded by another instance");

        context.getBean(EvidenceSweeper.class).onStartup(new StartupEvent(context));

        assertFalse(Files.exists(staged));
        assertFalse(Files.exists(orphan));
        assertTrue(Files.exists(young), "files younger than an hour may belong to an upload in flight elsewhere");
        try (Stream<Path> files = Files.walk(store)) {
            assertEquals(2, files.filter(Files::isRegularFile).count(), "the recorded file and the young one");
        }
    }
}
