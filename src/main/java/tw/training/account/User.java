package tw.training.account;

import java.time.Instant;
import java.util.Set;

/** A row of app_user with its roles. The hash never leaves this package; {@code ssoOnly}: no password sign-in. */
record User(long id, String username, String displayName, String email, String passwordHash, boolean enabled,
            Set<String> roles, int tokenVersion, Instant createdAt, String language, boolean ssoOnly) {
}
