package tw.training.notification;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tw.training.testing.DatabaseTest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database upgraded to judgements told after their transaction (V039): the judgements whose leaves were sequenced or
 * queued before the upgrade were told by the transactions that recorded them, so the cursor starts after all of them.
 */
class NoticeUpgradeTest implements DatabaseTest {

    @Test
    void theJudgementsOfAnOlderVersionAreNotToldAgain() throws Exception {
        Map<String, String> database = new HashMap<>(getProperties());
        String url = database.get("datasources.default.url");
        String user = database.get("datasources.default.username");
        String password = database.get("datasources.default.password");
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("38").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE transparency_head SET tree_size = 3 WHERE head_id = 1");
            for (int i = 1; i <= 2; i++) {
                statement.executeUpdate("INSERT INTO transparency_queue (kind, record_id, leaf_hash) VALUES ('JUDGEMENT', " + i + ", 'x')");
            }
        }
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password); Statement statement = connection.createStatement();
             ResultSet cursor = statement.executeQuery("SELECT position FROM notice_cursor WHERE cursor_id = 1")) {
            assertTrue(cursor.next());
            assertEquals(5, cursor.getLong("position"), "the three leaves sequenced and the two queued were told when judged");
        }
    }
}
