package tw.training.database;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs statements on the current transaction's connection, binding parameters by position. */
@Singleton
public class Sql {

    /** Reads one row into a value. */
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Takes one row as it comes. */
    public interface Each {
        void accept(ResultSet row) throws SQLException;
    }

    private final JdbcOperations jdbc;

    Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public <T> List<T> query(String sql, List<?> parameters, Row<T> row) {
        List<T> results = new ArrayList<>();
        // fetch size 0: the driver's own choice (all rows at once), as for any small answer
        forEach(sql, parameters, 0, each -> results.add(row.map(each)));
        return results;
    }

    /**
     * Hands each row to {@code row} as it arrives, {@code fetchSize} rows at a time where the driver can (PostgreSQL
     * inside a transaction), so that a large answer is never held whole.
     */
    public void forEach(String sql, List<?> parameters, int fetchSize, Each row) {
        jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters.toArray());
            statement.setFetchSize(fetchSize);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.accept(rows);
                }
            }
            return null;
        });
    }

    /** @return the number of rows changed */
    public int update(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            return statement.executeUpdate();
        });
    }

    /** "?, ?, ?" for an IN list of that many values. */
    public static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /**
     * A LIKE pattern (escape character '!') for text that contains {@code text}, compared in lower case; null when
     * there is nothing to look for, which the queries read as "no filter".
     */
    @Nullable
    public static String containing(@Nullable String text) {
        return text == null || text.isBlank() ? null
                : "%" + text.strip().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** The numbers of a BIGINT ARRAY column, none for NULL: H2 answers Object[] of Long, PostgreSQL Long[]. */
    public static long[] longs(@Nullable java.sql.Array array) throws SQLException {
        if (array == null) {
            return new long[0];
        }
        Object[] values = (Object[]) array.getArray();
        long[] numbers = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            numbers[i] = ((Number) values[i]).longValue();
        }
        array.free();
        return numbers;
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    /**
     * Whether a failure is, somewhere in its causes, a unique violation (SQL state 23505 in both H2 and
     * PostgreSQL): two requests created the same thing at once, and the later one lost.
     */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
