package tw.training.catalogue;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tw.training.testing.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Migration V033 on H2 and PostgreSQL: documents already in the catalogue get the family and version the importer
 * gives new ones ({@link DocumentFamily}), from their codes alone.
 */
@Tag("database")
class FamilyMigrationTest {

    private static final List<String> CODES = List.of("KPS5294-001v4", "KPS5294-001v3", "KMM5R0915v2", "KPS3322-M01", "ABC-002V12", "XYZ-001v");

    @Test
    void documentsImportedBeforeItGetTheImportersFamilyAndVersion() throws SQLException {
        Map<String, String> database = TestDatabases.fresh();
        String url = database.get("datasources.default.url");
        String user = database.get("datasources.default.username");
        String password = database.get("datasources.default.password");
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("32").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO standard (code, kind, name, source_sha256, source_text, imported_at)"
                    + " VALUES (?, 'STANDARD', 'n', ?, 't', CURRENT_TIMESTAMP)")) {
                for (String code : CODES) {
                    insert.setString(1, code);
                    insert.setString(2, "0".repeat(63) + CODES.indexOf(code));
                    insert.executeUpdate();
                }
            }
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT code, family, version_number FROM standard ORDER BY code")) {
                int seen = 0;
                while (rows.next()) {
                    DocumentFamily expected = DocumentFamily.of(rows.getString(1));
                    int number = rows.getInt(3);
                    Integer version = rows.wasNull() ? null : number;
                    assertEquals(expected.stem(), rows.getString(2), rows.getString(1));
                    assertEquals(expected.version(), version, rows.getString(1));
                    seen++;
                }
                assertEquals(CODES.size(), seen);
            }
        }
    }
}
