package tw.training.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEventType;
import tw.training.account.throttle.Throttle;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /login}: checks a username and password from a source address. Every refusal (unknown user, wrong
 * password, disabled) looks the same to the caller and costs the same time; the audit trail tells them apart.
 * Wrong passwords slow down their source ({@link Throttle}); they never lock the account, so nobody can keep its
 * owner out.
 */
@Singleton
class SignIn {

    static final String USER_ID_CLAIM = "uid";
    static final String TOKEN_VERSION_CLAIM = "ver";
    static final String NAME_CLAIM = "name";

    private final UserRepository users;
    private final Passwords passwords;
    private final SecurityAudit audit;
    private final Throttle throttle;
    private final TransactionOperations<Connection> transactions;

    SignIn(UserRepository users, Passwords passwords, SecurityAudit audit, Throttle throttle,
           TransactionOperations<Connection> transactions) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.throttle = throttle;
        this.transactions = transactions;
    }

    /** What came of an attempt. */
    sealed interface Outcome {
    }

    record SignedIn(Authentication authentication) implements Outcome {
    }

    record Refused() implements Outcome {
    }

    /** Not checked at all: the source must wait this long first. */
    record Throttled(Duration retryAfter) implements Outcome {
    }

    /**
     * Each step commits on its own: a refusal must leave its failure counted and its audit row written.
     */
    Outcome attempt(@Nullable String rawUsername, @Nullable String rawPassword, String source) {
        String username = rawUsername == null ? "" : rawUsername.strip().toLowerCase();
        String password = rawPassword == null ? "" : rawPassword;
        Optional<Duration> wait = throttle.admit(source).or(() -> throttle.waitFor(username, source));
        if (wait.isPresent()) {
            audit.record(SecurityEventType.LOGIN_REFUSED_WHILE_THROTTLED, null, username, "from " + source + ", " + wait.get().toSeconds() + " s to wait");
            return new Throttled(wait.get());
        }
        Optional<User> found = transactions.executeRead(status -> users.named(username));
        if (found.isEmpty() || !passwords.matches(password, found.get().passwordHash())) {
            if (found.isEmpty()) {
                passwords.spendTheTimeOfACheck(password);
            }
            Optional<Duration> delay = throttle.fail(username, source);
            audit.record(SecurityEventType.LOGIN_FAILED, null, username, (found.isEmpty() ? "unknown username" : "wrong password") + " from " + source);
            delay.ifPresent(d -> audit.record(SecurityEventType.LOGIN_THROTTLED, null, username,
                    "from " + source + ": " + d.toSeconds() + " s before the next attempt"));
            return new Refused();
        }
        User user = found.get();
        if (!user.enabled()) {
            audit.record(SecurityEventType.LOGIN_REFUSED_DISABLED, null, username, "from " + source);
            return new Refused();
        }
        throttle.succeed(username, source);
        audit.record(SecurityEventType.LOGIN_SUCCEEDED, username, username, "from " + source);
        return new SignedIn(authentication(user));
    }

    /** What a token of this user, as they stand now, carries. */
    static Authentication authentication(User user) {
        return Authentication.build(user.username(), user.roles(), Map.of(
                USER_ID_CLAIM, user.id(), TOKEN_VERSION_CLAIM, user.tokenVersion(), NAME_CLAIM, user.displayName()));
    }

    /** Whether a token issued under this version still stands: the user is enabled and nothing revoked it. */
    @ReadOnly
    public boolean isSessionCurrent(long userId, int tokenVersion) {
        return users.tokenVersion(userId).map(version -> version == tokenVersion).orElse(false);
    }
}
