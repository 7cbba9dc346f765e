package tw.training.testing;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Counts the rows of some tables, to show that a refused or failed request wrote nothing. */
public final class RowCounts {

    private final DataSource dataSource;
    private final List<String> tables;

    /** @param dataSource the application's; its contextual wrapper is taken off, these statements stand alone */
    public RowCounts(DataSource dataSource, List<String> tables) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.tables = tables;
    }

    public Map<String, Long> now() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = autoCommitting(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** The single value a query answers, read outside the application. */
    public String single(String sql) {
        try (Connection connection = autoCommitting(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row a query answers, its values as text (arrays by their elements), for comparing states of one database. */
    public List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = autoCommitting(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringJoiner row = new StringJoiner(" | ");
                for (int column = 1; column <= columns; column++) {
                    Object value = result.getObject(column);
                    row.add(value instanceof Array array ? Arrays.toString((Object[]) array.getArray()) : String.valueOf(value));
                }
                rows.add(row.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** Runs a statement outside the application, e.g. to plant a fault for a test. */
    public void execute(String sql) throws SQLException {
        try (Connection connection = autoCommitting(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Pooled connections come without auto-commit; these statements stand alone and must not hold locks. */
    private Connection autoCommitting() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        return connection;
    }
}
