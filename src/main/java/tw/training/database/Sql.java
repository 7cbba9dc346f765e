package tw.training.database;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** Rows a multi-row INSERT appends at most: 1,000 rows of up to 32 columns stay below PostgreSQL's 32,767 parameters. */
    private static final int ROWS_PER_INSERT = 1_000;

    /**
     * Appends rows to a table in multi-row INSERTs, answering the key each row was given, in the order of the rows. For
     * set-based appends (a batch of judgements): a repository's {@code saveAll} sends one INSERT a row, as the
     * PostgreSQL driver does not rewrite a batch whose keys are asked for (1,000 judgements took 169 ms that way, issue 36).
     * Both databases number identity keys in the order the rows are inserted, which is the order of VALUES, so the keys,
     * sorted, are the rows' in order, whatever order the driver answers them in. Instants are bound as UTC offsets, enums
     * by name.
     */
    public long[] insertAll(String table, String key, List<String> columns, List<Object[]> rows) {
        return insert(table, key, columns, rows);
    }

    /** As {@link #insertAll}, for rows whose keys are given (none are generated). */
    public void insertAll(String table, List<String> columns, List<Object[]> rows) {
        insert(table, null, columns, rows);
    }

    private long[] insert(String table, @Nullable String key, List<String> columns, List<Object[]> rows) {
        long[] keys = new long[key == null ? 0 : rows.size()];
        String row = "(" + placeholders(columns.size()) + ")";
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), row));
            int offset = from;
            jdbc.execute(connection -> {
                try (PreparedStatement statement = key == null ? connection.prepareStatement(insert)
                        : connection.prepareStatement(insert, new String[] {key})) {
                    int index = 1;
                    for (Object[] values : chunk) {
                        for (Object value : values) {
                            statement.setObject(index++, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC)
                                    : value instanceof Enum<?> name ? name.name() : value);
                        }
                    }
                    statement.executeUpdate();
                    if (key != null) {
                        System.arraycopy(generated(statement, table, chunk.size()), 0, keys, offset, chunk.size());
                    }
                }
                return null;
            });
        }
        return keys;
    }

    /** The keys a multi-row INSERT generated, in the rows' order (see {@link #insertAll}). */
    private static long[] generated(PreparedStatement statement, String table, int rows) throws SQLException {
        long[] given = new long[rows];
        int count = 0;
        try (ResultSet generated = statement.getGeneratedKeys()) {
            while (generated.next()) {
                given[count++] = generated.getLong(1);
            }
        }
        if (count != rows) {
            throw new IllegalStateException(table + ": " + count + " keys for " + rows + " rows");
        }
        Arrays.sort(given);
        return given;
    }

    /**
     * A derived table of {@code rows} pairs of row ids to join with, "(VALUES (CAST(? AS BIGINT), CAST(? AS BIGINT)), …)":
     * typed, so that the pairs compare as ids however the values are bound (a statement replayed from PostgreSQL's log
     * has them as literals, which VALUES would otherwise take as text).
     */
    public static String idPairs(int rows) {
        return "(VALUES " + String.join(", ", java.util.Collections.nCopies(rows, "(CAST(? AS BIGINT), CAST(? AS BIGINT))")) + ")";
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
