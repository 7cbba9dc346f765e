package tw.training.transparency;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tw.training.account.Roles;
import tw.training.badge.BadgeKey;
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 34, acceptance 2, on H2 and PostgreSQL: what the service records is appended to the log in the same transaction;
 * a signed checkpoint, an inclusion proof of a certificate's issue and a consistency proof between two checkpoints
 * verify with {@code audit-verify}, offline; a judgement row changed or deleted in the database directly is detected by
 * {@code audit-verify replay} against the last checkpoint; a checkpoint under another key is refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransparencyLogTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    io.micronaut.context.ApplicationContext context;

    @Inject
    DataSource dataSource;

    @Inject
    TransparencyLog log;

    @TempDir
    Path folder;

    private String admin;
    private String trainer;
    private String learner;
    private String key;
    private RowCounts rows;
    private PortfolioCourse course;
    private long enrollment;

    @BeforeAll
    void aCertifiedLearner() {
        TestUsers users = TestUsers.of(context, http);
        trainer = users.tokenFor("log.trainer", Roles.TRAINER);
        admin = users.tokenFor("log.admin", Roles.ADMIN);
        learner = users.tokenFor("log.learner", Roles.LEARNER);
        rows = new RowCounts(dataSource, List.of());
        PortfolioCourse.certified(http, trainer, admin, "log.learner", learner, "LOG-1");
        course = PortfolioCourse.publish(http, trainer, "LOG-2", "客訴處理實務");
        enrollment = course.enroll("log.learner");
        key = http.toBlocking().retrieve(HttpRequest.GET("/transparency/key")).strip();
    }

    private int auditVerify(String... arguments) {
        return new CommandLine(new AuditVerifyCommand()).execute(arguments);
    }

    private Path saved(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path checkpoint(String name) throws IOException {
        log.checkpoint();
        return saved(name, http.toBlocking().retrieve(HttpRequest.GET("/transparency/checkpoint")));
    }

    private Path export(String name) throws IOException {
        return saved(name, http.toBlocking().retrieve(HttpRequest.GET("/api/transparency/export").bearerAuth(admin)));
    }

    @Test
    @Order(1)
    void everyRecordIsALeafAndTheCheckpointAndProofsVerifyOffline() throws IOException {
        // the certified learner: a piece of evidence, four judgements, a certificate
        // queued with their records, given their indexes by the sequencer (every second, or now)
        log.integrateAll();
        assertEquals("0", rows.single("SELECT COUNT(*) FROM transparency_queue"));
        assertEquals("6", rows.single("SELECT COUNT(*) FROM transparency_leaf"));
        assertEquals(List.of("CERTIFICATE_ISSUED", "EVIDENCE", "JUDGEMENT"), rows.rows("SELECT DISTINCT kind FROM transparency_leaf ORDER BY kind"));
        Path first = checkpoint("first.note");
        assertEquals(0, auditVerify("checkpoint", first.toString(), "--key", key));
        assertEquals(0, auditVerify("replay", export("first.ndjson").toString(), "--checkpoint", first.toString(), "--key", key));

        long issued = Long.parseLong(rows.single("SELECT leaf_index FROM transparency_leaf WHERE kind = 'CERTIFICATE_ISSUED'"));
        Path inclusion = saved("inclusion.json", http.toBlocking().retrieve(HttpRequest.GET("/transparency/proof/inclusion?leaf=" + issued + "&size=6")));
        assertEquals(0, auditVerify("inclusion", "--checkpoint", first.toString(), "--proof", inclusion.toString(), "--key", key));

        long evidence = course.submitPdf(learner, enrollment, "第二件作品", List.of("P2.3.1", "P2.3.2"));
        course.judge(evidence, "P2.3.1", "NOT_YET", "請補充");
        course.judge(evidence, "P2.3.2", "MET", "符合");
        Path second = checkpoint("second.note");
        Path consistency = saved("consistency.json", http.toBlocking().retrieve(HttpRequest.GET("/transparency/proof/consistency?from=6&to=9")));
        assertEquals(0, auditVerify("consistency", "--old", first.toString(), "--new", second.toString(), "--proof", consistency.toString(), "--key", key));
        assertEquals(1, auditVerify("consistency", "--old", second.toString(), "--new", first.toString(), "--proof", consistency.toString(), "--key", key));
        List<Map<String, Object>> listed = http.toBlocking().retrieve(HttpRequest.GET("/transparency/checkpoints"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(List.of(9, 6), listed.stream().map(c -> ((Number) c.get("size")).intValue()).toList());
    }

    @Test
    @Order(2)
    void aJudgementChangedOrDeletedInTheDatabaseIsDetectedByReplay() throws IOException, SQLException {
        Path checkpoint = checkpoint("now.note");
        assertEquals(0, auditVerify("replay", export("before.ndjson").toString(), "--checkpoint", checkpoint.toString(), "--key", key));
        String notYet = rows.single("SELECT judgement_id FROM judgement WHERE outcome = 'NOT_YET'");

        rows.execute("UPDATE judgement SET outcome = 'MET' WHERE judgement_id = " + notYet);
        assertEquals(1, auditVerify("replay", export("changed.ndjson").toString(), "--checkpoint", checkpoint.toString(), "--key", key),
                "a NOT_YET turned MET behind the service's back");
        rows.execute("UPDATE judgement SET outcome = 'NOT_YET' WHERE judgement_id = " + notYet);
        assertEquals(0, auditVerify("replay", export("restored.ndjson").toString(), "--checkpoint", checkpoint.toString(), "--key", key));

        rows.execute("DELETE FROM judgement WHERE judgement_id = " + notYet);
        assertEquals(1, auditVerify("replay", export("deleted.ndjson").toString(), "--checkpoint", checkpoint.toString(), "--key", key),
                "a judgement removed");
    }

    @Test
    @Order(3)
    void aCheckpointUnderAnotherKeyIsRefused() throws IOException {
        Path checkpoint = saved("latest.note", http.toBlocking().retrieve(HttpRequest.GET("/transparency/checkpoint")));
        String another = new SignedNote.Verifier(log.origin(), BadgeKey.fromSeed(BadgeKey.generate()).getPublic()).text();
        assertEquals(1, auditVerify("checkpoint", checkpoint.toString(), "--key", another));
        String forged = new Checkpoint(log.origin(), 9, MerkleTree.EMPTY, 0).sign(BadgeKey.fromSeed(BadgeKey.generate()));
        assertEquals(1, auditVerify("checkpoint", saved("forged.note", forged).toString(), "--key", key));
        assertTrue(key.startsWith(log.origin() + "+"));
    }

    @Test
    @Order(4)
    void theExportIsTheAdministratorsAndAProofNeedsASignedSize() {
        for (String token : List.of(learner, trainer)) {
            io.micronaut.http.client.exceptions.HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET("/api/transparency/export").bearerAuth(token)));
            assertEquals(403, refused.getStatus().getCode());
        }
        io.micronaut.http.client.exceptions.HttpClientResponseException unsigned = org.junit.jupiter.api.Assertions.assertThrows(
                io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/transparency/proof/inclusion?leaf=0&size=7")));
        assertEquals(404, unsigned.getStatus().getCode());
    }

    @Test
    @Order(5)
    void theLearnersCertificatePageLinksToAProofAuditVerifyAccepts() throws IOException {
        tw.training.testing.FormClient page = new tw.training.testing.FormClient(context.getBean(io.micronaut.runtime.server.EmbeddedServer.class)
                .getURL().toString(), "zh-TW").signIn("log.learner", TestUsers.PASSWORD);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/transparency/proof/inclusion\\?leaf=\\d+&(?:amp;)?size=\\d+)\"")
                .matcher(page.get("/certificates").body());
        assertTrue(link.find(), "a link to the issue's inclusion proof");
        Path proof = saved("certificate.json", http.toBlocking().retrieve(HttpRequest.GET(link.group(1).replace("&amp;", "&"))));
        // the checkpoint of the link's size (the scheduler may have signed a later one since)
        long size = Long.parseLong(link.group(1).replaceFirst(".*size=", ""));
        String note = http.toBlocking().retrieve(HttpRequest.GET("/transparency/checkpoints"), Argument.listOf(Argument.mapOf(String.class, Object.class)))
                .stream().filter(c -> ((Number) c.get("size")).longValue() == size).map(c -> (String) c.get("note")).findFirst().orElseThrow();
        Path checkpoint = saved("current.note", note);
        assertEquals(0, auditVerify("inclusion", "--checkpoint", checkpoint.toString(), "--proof", proof.toString(), "--key", key));
    }

    @Test
    @Order(6)
    void aRecordQueuedAgainIsStillOneLeaf() {
        log.integrateAll();
        long judgement = Long.parseLong(rows.single("SELECT MIN(record_id) FROM transparency_leaf WHERE kind = 'JUDGEMENT'"));
        long size = Long.parseLong(rows.single("SELECT tree_size FROM transparency_head"));
        log.queue(LeafKind.JUDGEMENT, List.of(judgement));
        log.queue(LeafKind.JUDGEMENT, List.of(judgement));
        log.integrateAll();
        assertEquals("1", rows.single("SELECT COUNT(*) FROM transparency_leaf WHERE kind = 'JUDGEMENT' AND record_id = " + judgement));
        assertEquals("0", rows.single("SELECT COUNT(*) FROM transparency_queue"));
        assertEquals(String.valueOf(size), rows.single("SELECT tree_size FROM transparency_head"), "nothing appended");
        assertEquals(String.valueOf(size), rows.single("SELECT COUNT(*) FROM transparency_leaf"));
    }
}
