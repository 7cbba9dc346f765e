package tw.training.xapi;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.DatabaseTest;
import tw.training.testing.ShiftedClock;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.stream.IntStream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rows of statements do not grow without end: those the LRS took more than {@code app.xapi.keep-sent} ago are
 * deleted; those sent more recently, and those never sent, stay.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XapiPruneTest implements DatabaseTest {

    @Inject
    XapiRepository statements;

    @Inject
    XapiStream stream;

    @Inject
    XapiPruner pruner;

    @Inject
    ShiftedClock clock;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("test.clock.shiftable", "true");
        properties.put("app.xapi.keep-sent", "30d");
        return properties;
    }

    /**
     * The rows of completions (and those written before statements were derived): five of them, two taken by the LRS 31
     * days ago, one 29 days ago, two never.
     */
    @Test
    void statementsTheLrsTookLongAgoAreDeletedAndNoOthers() {
        Instant now = clock.instant();
        List<XapiStatement> written = transactions.executeWrite(status -> statements.saveAll(IntStream.range(0, 5).mapToObj(i ->
                new XapiStatement(null, java.util.UUID.randomUUID().toString(), Verbs.COMPLETED.id, null, now, "{}", null, 0, now, null,
                        "JUDGEMENT", (long) i)).toList()));
        transactions.executeWrite(status -> {
            statements.sent(List.of(written.get(0).statementSeq(), written.get(1).statementSeq()), now.minus(Duration.ofDays(31)));
            statements.sent(List.of(written.get(2).statementSeq()), now.minus(Duration.ofDays(29)));
            return null;
        });

        assertEquals(2, pruner.prune(), "the two sent 31 days ago");
        assertEquals(written.subList(2, 5).stream().map(XapiStatement::statementSeq).toList(), left(written), "the one sent 29 days ago and the two never sent stay");
        clock.pass(Duration.ofDays(365));
        assertEquals(1, pruner.prune(), "a year on, the other sent one; never the unsent");
        assertEquals(written.subList(3, 5).stream().map(XapiStatement::statementSeq).toList(), left(written));
    }

    private List<Long> left(List<XapiStatement> written) {
        return transactions.executeRead(status -> stream.rows(written.stream().map(XapiStatement::statementSeq).toList())).stream()
                .map(XapiStatement::statementSeq).sorted().toList();
    }
}
