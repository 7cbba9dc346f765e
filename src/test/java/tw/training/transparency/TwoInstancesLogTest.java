package tw.training.transparency;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.Instances;
import tw.training.testing.Parallel;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.RowCounts;
import tw.training.testing.TestUsers;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 34, acceptance 3: two instances on one database append 2,000 judgements' leaves at once while both sign
 * checkpoints; the result is one tree: indexes without a gap or a repeat, every consistency proof between successive
 * checkpoints verifies, and the last checkpoint's root is the root of the leaves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesLogTest implements DatabaseTest {

    private static final int JUDGEMENTS = 2_000;
    private static final int BATCH = 50;
    private static final HexFormat HEX = HexFormat.of();

    private final Instances instances = new Instances();

    @AfterAll
    void stop() {
        instances.close();
    }

    @Test
    void twoInstancesAppendingAtOnceMakeOneTree() throws Exception {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("micronaut.server.port", -1);
        properties.put("app.transparency.checkpoint-every", "1h");
        // small kept subtrees, so that roots and proofs come from kept hashes of several levels and the leaves between
        properties.put("app.transparency.subtree-block", 64);
        List<EmbeddedServer> servers = List.of(instances.start(properties), instances.start(properties));
        List<HttpClient> clients = servers.stream().map(server -> server.getApplicationContext().createBean(HttpClient.class, server.getURL())).toList();
        TestUsers users = TestUsers.of(servers.get(0).getApplicationContext(), clients.get(0));
        String trainer = users.tokenFor("two.trainer", Roles.TRAINER);
        String learner = users.tokenFor("two.learner", Roles.LEARNER);
        PortfolioCourse course = PortfolioCourse.publish(clients.get(0), trainer, "TWO-LOG", "客訴處理實務");
        long evidence = course.submitPdf(learner, course.enroll("two.learner"), "作品", PortfolioCourse.INDICATORS);
        List<TransparencyLog> logs = servers.stream().map(server -> server.getApplicationContext().getBean(TransparencyLog.class)).toList();

        int writers = 4;
        AtomicInteger judging = new AtomicInteger(writers);
        List<Integer> done = Parallel.run(writers + 2, client -> {
            if (client >= writers) {
                // one signer on each instance, signing as fast as it can while the others append
                int signed = 0;
                while (judging.get() > 0) {
                    logs.get(client - writers).checkpoint();
                    signed++;
                }
                return signed;
            }
            HttpClient http = clients.get(client % 2);
            for (int sent = 0; sent < JUDGEMENTS / writers; sent += BATCH) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int k = 0; k < BATCH; k++) {
                    batch.add(Map.of("evidenceId", evidence, "indicator", PortfolioCourse.STANDARD + ":" + PortfolioCourse.INDICATORS.get(k % 4),
                            "outcome", k % 3 == 0 ? "NOT_YET" : "MET"));
                }
                http.toBlocking().exchange(HttpRequest.POST("/api/courses/" + course.id() + "/judgements", batch).bearerAuth(trainer));
            }
            judging.decrementAndGet();
            return JUDGEMENTS / writers;
        });
        logs.get(1).checkpoint();

        RowCounts rows = new RowCounts(servers.get(0).getApplicationContext().getBean(DataSource.class), List.of());
        long size = Long.parseLong(rows.single("SELECT COUNT(*) FROM transparency_leaf"));
        assertEquals(JUDGEMENTS + 1L, size, "the piece and its judgements: " + done);
        assertEquals(String.valueOf(size - 1), rows.single("SELECT MAX(leaf_index) FROM transparency_leaf"), "no gap, no repeat");
        assertEquals(String.valueOf(size), rows.single("SELECT tree_size FROM transparency_head"));
        assertEquals("0", rows.single("SELECT COUNT(*) FROM transparency_queue"), "every queued leaf integrated once");

        List<TransparencyLog.Listed> checkpoints = logs.get(0).all();
        assertTrue(checkpoints.size() >= 2, "checkpoints signed while appending: " + checkpoints.size());
        assertEquals(size, checkpoints.get(0).size());
        for (int i = checkpoints.size() - 1; i > 0; i--) {
            TransparencyLog.Listed older = checkpoints.get(i);
            TransparencyLog.Listed newer = checkpoints.get(i - 1);
            TransparencyLog.Consistency proof = logs.get(i % 2).consistency(older.size(), newer.size());
            assertTrue(MerkleTree.verifyConsistency(older.size(), newer.size(), HEX.parseHex(older.root()), HEX.parseHex(newer.root()),
                    proof.proof().stream().map(HEX::parseHex).toList()), older.size() + " to " + newer.size());
        }
        // the last root, recomputed here from every leaf hash in the table, is the one the instances signed
        List<byte[]> all = rows.rows("SELECT leaf_hash FROM transparency_leaf ORDER BY leaf_index").stream().map(HEX::parseHex).toList();
        assertEquals(checkpoints.get(0).root(), HEX.formatHex(MerkleTree.root(index -> all.get((int) index), all.size())));
    }
}
