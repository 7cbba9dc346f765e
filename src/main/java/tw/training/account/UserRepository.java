package tw.training.account;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users and their roles. Every change of roles, of the password or of being enabled raises the token version: tokens
 * carry the version they were issued under, so raising it ends every session of the user.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRepository extends GenericRepository<UserRow, Long> {

    /** How many accounts hold a role, enabled or not. */
    @Introspected
    record RoleCount(String role, boolean enabled, long users) {
    }

    @Query("SELECT r.role, u.enabled, COUNT(*) AS users FROM user_role r JOIN app_user u ON u.user_id = r.user_id"
            + " WHERE u.username <> '(system)' GROUP BY r.role, u.enabled")
    List<RoleCount> countByRole();

    String WITH_ROLES = "SELECT u.*, (SELECT STRING_AGG(r.role, ',') FROM user_role r WHERE r.user_id = u.user_id) AS roles FROM app_user u ";

    /** A user read with the roles it holds, joined by commas. */
    @Introspected
    record Listing(long userId, String username, String displayName, String email, String passwordHash, boolean enabled,
                   @Nullable String roles, int tokenVersion, Instant createdAt, String language, boolean ssoOnly) {

        User user() {
            return new User(userId, username, displayName, email, passwordHash, enabled, roles == null ? Set.of() : Set.of(roles.split(",")),
                    tokenVersion, createdAt, language, ssoOnly);
        }
    }

    UserRow save(UserRow user);

    @Query(WITH_ROLES + "WHERE u.username = :username")
    Optional<Listing> byUsername(String username);

    @Query(WITH_ROLES + "WHERE u.user_id = :id")
    Optional<Listing> byId(long id);

    /** By username, those matching each filter given: {@code pattern} a LIKE pattern (escape '!') on username, name or e-mail. */
    @Query(WITH_ROLES + "WHERE u.username <> '(system)' AND (CAST(:pattern AS VARCHAR) IS NULL OR LOWER(u.username) LIKE :pattern ESCAPE '!'"
            + " OR LOWER(u.display_name) LIKE :pattern ESCAPE '!' OR LOWER(u.email) LIKE :pattern ESCAPE '!')"
            + " AND (CAST(:role AS VARCHAR) IS NULL OR EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.user_id AND r.role = :role))"
            + " AND (CAST(:enabled AS BOOLEAN) IS NULL OR u.enabled = :enabled)"
            + " ORDER BY u.username OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
    List<Listing> search(@Nullable String pattern, @Nullable String role, @Nullable Boolean enabled, int offset, int limit);

    /** The token version of an enabled user: what every signed-in request checks its token against. */
    @Query("SELECT token_version FROM app_user WHERE user_id = :id AND enabled = TRUE")
    Optional<Integer> tokenVersion(long id);

    @Query("SELECT COUNT(*) FROM app_user u JOIN user_role r ON r.user_id = u.user_id WHERE r.role = 'ADMIN' AND u.enabled = TRUE")
    long countEnabledAdmins();

    @Query("INSERT INTO user_role (user_id, role) VALUES (:userId, :role)")
    void addRole(long userId, String role);

    @Query("DELETE FROM user_role WHERE user_id = :userId")
    void removeRoles(long userId);

    @Query("UPDATE app_user SET enabled = :enabled, token_version = token_version + 1 WHERE user_id = :id")
    void setEnabled(long id, boolean enabled);

    @Query("UPDATE app_user SET password_hash = :passwordHash, token_version = token_version + 1 WHERE user_id = :id")
    void setPasswordHash(long id, String passwordHash);

    /** Enabled users whose e-mail address is {@code address} (any case), or whose username it is. */
    @Query(WITH_ROLES + "WHERE u.username <> '(system)' AND u.enabled = TRUE AND (LOWER(u.email) = :address OR u.username = :address)"
            + " ORDER BY u.username FETCH FIRST 10 ROWS ONLY")
    List<Listing> reachedAt(String address);

    @Query("SELECT username FROM app_user WHERE username IN (:usernames)")
    List<String> taken(java.util.Collection<String> usernames);

    @Query("UPDATE app_user SET language = :language WHERE user_id = :id")
    void setLanguage(long id, String language);

    @Query("UPDATE app_user SET token_version = token_version + 1 WHERE user_id = :id")
    void revokeTokens(long id);

    /** Where the user last signed in from with a password (an address, or "unknown"). */
    @Query("UPDATE app_user SET last_source = :source WHERE user_id = :id")
    void signedInFrom(long id, String source);

    @Query("SELECT last_source FROM app_user WHERE user_id = :id AND last_source IS NOT NULL")
    Optional<String> lastSource(long id);

    /** Marks a user SSO only (ending their sessions, some perhaps opened with the password now refused) or not. */
    @Query("UPDATE app_user SET sso_only = :ssoOnly, token_version = token_version + CASE WHEN :ssoOnly THEN 1 ELSE 0 END WHERE user_id = :id")
    void setSsoOnly(long id, boolean ssoOnly);

    /** Enabled users whose e-mail address is {@code address} (any case): whom an identity vouching for that address may link to. */
    @Query(WITH_ROLES + "WHERE u.username <> '(system)' AND LOWER(u.email) = :address ORDER BY u.user_id")
    List<Listing> withEmail(String address);

    default Optional<User> named(String username) {
        return byUsername(username).map(Listing::user);
    }

    default Optional<User> withId(long id) {
        return byId(id).map(Listing::user);
    }

    default long insert(String username, String displayName, String email, String passwordHash, Set<String> roles, Instant now, String language,
                        boolean ssoOnly) {
        long id = save(new UserRow(null, username, displayName, email, passwordHash, true, 0, now, language, ssoOnly)).id();
        roles.forEach(role -> addRole(id, role));
        return id;
    }

    default void replaceRoles(long userId, Set<String> roles) {
        removeRoles(userId);
        roles.forEach(role -> addRole(userId, role));
        revokeTokens(userId);
    }
}
