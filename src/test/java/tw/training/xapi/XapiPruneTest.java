package tw.training.xapi;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.ShiftedClock;
import tw.training.testing.TestUsers;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox does not grow without end: statements the LRS took more than {@code app.xapi.keep-sent} ago are deleted;
 * those sent more recently, and those never sent, stay.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XapiPruneTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    XapiRepository statements;

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

    @Test
    void statementsTheLrsTookLongAgoAreDeletedAndNoOthers() {
        TestUsers users = TestUsers.of(context, http);
        PortfolioCourse course = PortfolioCourse.publish(http, users.tokenFor("prune.trainer", Roles.TRAINER), "PRUNE-1", "客訴處理實務");
        String learner = users.tokenFor("prune.learner", Roles.LEARNER);
        long enrollment = course.enroll("prune.learner");
        for (int i = 0; i < 5; i++) {
            course.submitPdf(learner, enrollment, "演練 " + i, List.of("P2.3.1"));
        }
        List<XapiStatement> written = statements.find(null, null, "prune.learner", null, 0, 100);
        assertEquals(5, written.size());
        Instant now = clock.instant();
        transactions.executeWrite(status -> {
            statements.sent(List.of(written.get(0).statementSeq(), written.get(1).statementSeq()), now.minus(Duration.ofDays(31)));
            statements.sent(List.of(written.get(2).statementSeq()), now.minus(Duration.ofDays(29)));
            return null;
        });

        assertEquals(2, pruner.prune(), "the two sent 31 days ago");
        assertEquals(written.subList(2, 5).stream().map(XapiStatement::statementId).toList(),
                statements.find(null, null, "prune.learner", null, 0, 100).stream().map(XapiStatement::statementId).toList(),
                "the one sent 29 days ago and the two never sent stay");
        clock.pass(Duration.ofDays(365));
        assertEquals(1, pruner.prune(), "a year on, the other sent one; never the unsent");
        assertEquals(2, statements.find(null, null, "prune.learner", null, 0, 100).size());
    }
}
