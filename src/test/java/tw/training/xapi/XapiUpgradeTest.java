package tw.training.xapi;

import io.micronaut.context.ApplicationContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tw.training.testing.DatabaseTest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database upgraded to derived statements (V038) while its outbox held rows: the rows the LRS took stay behind the
 * sender's cursor, those it had not taken are sent first, and the leaves sequenced or queued before the upgrade — whose
 * statements those rows are — are never told a second time.
 */
class XapiUpgradeTest implements DatabaseTest {

    @Test
    void theOutboxOfAnOlderVersionIsSentFirstAndNothingTwice() throws Exception {
        Map<String, String> database = new HashMap<>(getProperties());
        String url = database.get("datasources.default.url");
        String user = database.get("datasources.default.username");
        String password = database.get("datasources.default.password");
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("37").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password); Statement statement = connection.createStatement()) {
            // an outbox of three statements, the first two taken by the LRS; three leaves sequenced, two queued
            for (int i = 1; i <= 3; i++) {
                statement.executeUpdate("INSERT INTO xapi_statement (statement_id, verb, stored_at, statement, sent_at, attempts, next_attempt_at)"
                        + " VALUES ('00000000-0000-4000-8000-00000000000" + i + "', 'http://adlnet.gov/expapi/verbs/shared', CURRENT_TIMESTAMP,"
                        + " '{\"id\":\"00000000-0000-4000-8000-00000000000" + i + "\"}', " + (i < 3 ? "CURRENT_TIMESTAMP" : "NULL") + ", 0, CURRENT_TIMESTAMP)");
            }
            statement.executeUpdate("UPDATE transparency_head SET tree_size = 3 WHERE head_id = 1");
            for (int i = 1; i <= 2; i++) {
                statement.executeUpdate("INSERT INTO transparency_queue (kind, record_id, leaf_hash) VALUES ('EVIDENCE', " + i + ", 'x')");
            }
        }
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password); Statement statement = connection.createStatement();
             ResultSet cursor = statement.executeQuery("SELECT position, first_leaf FROM xapi_cursor WHERE cursor_id = 1")) {
            assertTrue(cursor.next());
            assertEquals(2, cursor.getLong("position"), "the LRS took the first two");
            assertEquals(5, cursor.getLong("first_leaf"), "the three leaves sequenced and the two queued were told by rows");
            // the queued leaves are not this test's records: gone before the application sequences them
            statement.executeUpdate("DELETE FROM transparency_queue");
        }
        try (ApplicationContext context = ApplicationContext.run(new HashMap<>(database))) {
            XapiStatements statements = context.getBean(XapiStatements.class);
            List<XapiStatements.Told> all = statements.after(0, null, null, null, null, 10);
            assertEquals(List.of(1L, 2L, 3L), all.stream().map(XapiStatements.Told::position).toList(), "the older rows, in their order");
            assertEquals(1, statements.waiting().statements(), "only the one the LRS had not taken waits");
        }
    }
}
