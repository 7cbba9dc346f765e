package tw.training.evidence;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tw.training.account.Roles;
import tw.training.course.CourseFixtures;
import tw.training.evidence.storage.EvidenceStore;
import tw.training.testing.DatabaseTest;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sweep deletes only what it recorded itself, once per evidence store (the subclasses): files a restored older
 * database no longer mentions and objects outside the prefix stay; files of interrupted uploads go. The
 * reconciliation lists the strays and deletes nothing.
 */
abstract class EvidenceSweepTest implements DatabaseTest {

    private static final String P231 = "KPS5294-001v4:P2.3.1";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EvidenceStore store;

    @Inject
    EvidenceUploadRepository uploads;

    @Inject
    DataSource dataSource;

    private long enrollment;
    private long course;
    private String trainer;
    private EvidenceApi learner;

    /** The evidence store the application runs with. */
    abstract Map<String, String> store();

    /** Makes an object look as old as a file uploaded long ago, where the store allows it. */
    abstract void age(String key, Duration age) throws IOException;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.putAll(store());
        return properties;
    }

    @BeforeAll
    void enroll() {
        TestUsers users = TestUsers.of(context, http);
        trainer = users.tokenFor("sweep.trainer", Roles.TRAINER);
        course = CourseFixtures.publishedComplaintsCourse(http, trainer, "SWEEP", "清理");
        users.create("sweep.learner", Roles.LEARNER);
        enrollment = ((Number) new EvidenceApi(http, trainer).send(HttpRequest.POST("/api/courses/" + course + "/enrollments",
                Map.of("username", "sweep.learner"))).get("id")).longValue();
        learner = new EvidenceApi(http, users.tokenFor("sweep.learner", Roles.LEARNER));
    }

    @Test
    void filesARestoredOlderDatabaseNoLongerMentionsAreKept() throws IOException {
        String recorded = storageKeyOf(submit("留下"));
        // uploaded after the backup that was restored: stored, in the application's layout, mentioned nowhere
        String newer = put("evidence/2026/11/20/" + UUID.randomUUID());
        age(newer, Duration.ofDays(2));

        restart();

        assertTrue(store.exists(recorded));
        assertTrue(store.exists(newer), "a file the database does not mention is not the server's to delete");
    }

    @Test
    void anObjectOutsideThePrefixIsNeverTouched() throws Exception {
        String foreign = put("other-team/report-" + UUID.randomUUID() + ".pdf");
        age(foreign, Duration.ofDays(30));

        restart();
        String listed = reconcile();

        assertTrue(store.exists(foreign));
        assertFalse(listed.contains("other-team/"), listed);
    }

    @Test
    void theFilesOfInterruptedUploadsAreRemovedOnceAnHourOld() throws IOException {
        String interrupted = put("evidence/2026/11/28/" + UUID.randomUUID());
        String inFlight = put("evidence/2026/11/28/" + UUID.randomUUID());
        uploads.save(new EvidenceUpload(null, interrupted, Instant.now().minus(Duration.ofHours(2))));
        uploads.save(new EvidenceUpload(null, inFlight, Instant.now().minus(Duration.ofMinutes(5))));

        restart();

        assertFalse(store.exists(interrupted));
        assertTrue(store.exists(inFlight), "an upload in flight on another instance is left alone");
        assertEquals(List.of(inFlight), uploads.findAll().stream().map(EvidenceUpload::storageKey).filter(k -> k.equals(inFlight) || k.equals(interrupted)).toList());
        uploads.deleteByStorageKeyIn(List.of(inFlight));
    }

    @Test
    void aSubmissionLeavesNoRecordedUploadBehindAndItsKeyUnderThePrefix() {
        String key = storageKeyOf(submit("完成"));

        assertTrue(key.startsWith("evidence/"), key);
        assertTrue(uploads.findAll().stream().noneMatch(upload -> upload.storageKey().equals(key)));
    }

    @Test
    void reconciliationListsStraysAndMissingFilesAndDeletesNothing() throws Exception {
        String stray = put("evidence/2026/11/21/" + UUID.randomUUID());
        String lost = storageKeyOf(submit("遺失"));
        store.delete(lost);
        Map<String, Long> before = new RowCounts(dataSource, List.of("evidence", "evidence_file")).now();

        String lostMaterial = materialKey(CopyEvidenceTest.material(http, trainer, course, "遺失的講義.pdf"));
        store.delete(lostMaterial);

        String listed = reconcile();

        assertTrue(listed.contains("unreferenced  " + stray), listed);
        assertTrue(listed.contains("missing       " + lost), listed);
        assertTrue(listed.contains("missing       " + lostMaterial + " (material "), "a material's file too (issue 29, point 1): " + listed);
        assertTrue(listed.lines().noneMatch(line -> line.startsWith("unreferenced") && line.contains("/ (")),
                "a store's folder placeholders are no objects: " + listed);
        assertTrue(store.exists(stray));
        assertEquals(before, new RowCounts(dataSource, List.of("evidence", "evidence_file")).now());
        store.delete(stray);
    }

    /** What a start does to the store: the sweep at start-up. */
    private void restart() {
        context.getBean(EvidenceSweeper.class).run();
    }

    private String reconcile() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            context.createBean(ReconcileEvidenceCommand.class).call();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private Map<String, Object> submit(String title) {
        return learner.submit(enrollment, EvidenceApi.metadata("OBSERVATION", title, List.of(P231)),
                new EvidenceApi.Upload(title + ".pdf", MediaType.APPLICATION_PDF_TYPE, EvidenceRoundTrip.PDF));
    }

    @SuppressWarnings("unchecked")
    private String storageKeyOf(Map<String, Object> evidence) {
        long fileId = ((Number) ((List<Map<String, Object>>) evidence.get("files")).get(0).get("id")).longValue();
        return new RowCounts(dataSource, List.of()).single("SELECT storage_key FROM evidence_file WHERE evidence_file_id = " + fileId);
    }

    private String materialKey(long material) {
        return new RowCounts(dataSource, List.of()).single("SELECT storage_key FROM material WHERE material_id = " + material);
    }

    private String put(String key) throws IOException {
        Path file = Files.createTempFile("object", ".pdf");
        Files.write(file, EvidenceRoundTrip.PDF);
        store.put(key, file, "application/pdf");
        return key;
    }
}
