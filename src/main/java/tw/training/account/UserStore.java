package tw.training.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Users and their roles in plain SQL; runs in the caller's transaction. */
@Singleton
class UserStore {

    private final JdbcOperations jdbc;

    UserStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<User> findByUsername(String username) {
        return select("WHERE u.username = ?", List.of(username), 1).stream().findFirst();
    }

    Optional<User> findById(long id) {
        return select("WHERE u.user_id = ?", List.of(id), 1).stream().findFirst();
    }

    /**
     * @param query substring of username, display name or e-mail, case-insensitive
     */
    List<User> search(@Nullable String query, @Nullable String role, @Nullable Boolean enabled, int limit, int offset) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            String pattern = "%" + query.strip().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            where.append(" AND (LOWER(u.username) LIKE ? ESCAPE '!' OR LOWER(u.display_name) LIKE ? ESCAPE '!'"
                    + " OR LOWER(u.email) LIKE ? ESCAPE '!')");
            parameters.add(pattern);
            parameters.add(pattern);
            parameters.add(pattern);
        }
        if (role != null) {
            where.append(" AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.user_id AND r.role = ?)");
            parameters.add(role);
        }
        if (enabled != null) {
            where.append(" AND u.enabled = ?");
            parameters.add(enabled);
        }
        where.append(" ORDER BY u.username OFFSET ").append(offset).append(" ROWS");
        return select(where.toString(), parameters, limit);
    }

    long countEnabledAdmins() {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM app_user u JOIN user_role r ON r.user_id = u.user_id"
                + " WHERE r.role = 'ADMIN' AND u.enabled = TRUE", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    long insert(String username, String displayName, String email, String passwordHash, Set<String> roles, Instant now) {
        return jdbc.execute(connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO app_user (username, display_name, email,"
                    + " password_hash, enabled, token_version, created_at) VALUES (?, ?, ?, ?, TRUE, 0, ?)",
                    new String[] {"user_id"})) {
                insert.setString(1, username);
                insert.setString(2, displayName);
                insert.setString(3, email);
                insert.setString(4, passwordHash);
                insert.setTimestamp(5, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertRoles(connection, id, roles);
            return id;
        });
    }

    void replaceRoles(long userId, Set<String> roles) {
        jdbc.execute(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM user_role WHERE user_id = ?")) {
                delete.setLong(1, userId);
                delete.executeUpdate();
            }
            insertRoles(connection, userId, roles);
            return null;
        });
        revokeTokens(userId);
    }

    void setEnabled(long userId, boolean enabled) {
        update("UPDATE app_user SET enabled = ? WHERE user_id = ?", enabled, userId);
        revokeTokens(userId);
    }

    void setPasswordHash(long userId, String hash) {
        update("UPDATE app_user SET password_hash = ? WHERE user_id = ?", hash, userId);
        revokeTokens(userId);
    }

    /** Tokens carry the version they were issued under; raising it ends every session of the user. */
    private void revokeTokens(long userId) {
        update("UPDATE app_user SET token_version = token_version + 1 WHERE user_id = ?", userId);
    }

    private void update(String sql, Object... parameters) {
        jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        });
    }

    private static void insertRoles(Connection connection, long userId, Set<String> roles) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO user_role (user_id, role) VALUES (?, ?)")) {
            for (String role : roles) {
                insert.setLong(1, userId);
                insert.setString(2, role);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private List<User> select(String where, List<Object> parameters, int limit) {
        String sql = "SELECT u.*, (SELECT STRING_AGG(r.role, ',') FROM user_role r WHERE r.user_id = u.user_id) AS roles"
                + " FROM app_user u " + where + (where.contains("OFFSET") ? "" : " ORDER BY u.user_id")
                + " FETCH FIRST " + limit + " ROWS ONLY";
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            Map<Long, User> users = new LinkedHashMap<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Set<String> roles = new LinkedHashSet<>();
                    String joined = row.getString("roles");
                    if (joined != null) {
                        roles.addAll(List.of(joined.split(",")));
                    }
                    users.put(row.getLong("user_id"), new User(row.getLong("user_id"), row.getString("username"),
                            row.getString("display_name"), row.getString("email"), row.getString("password_hash"),
                            row.getBoolean("enabled"), Set.copyOf(roles), row.getInt("token_version"),
                            row.getTimestamp("created_at").toInstant()));
                }
            }
            return new ArrayList<>(users.values());
        });
    }
}
