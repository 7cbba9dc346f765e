package tw.training.account;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEventType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /login}: checks a username and password. Every refusal (unknown user, wrong password,
 * disabled, locked) looks the same to the caller and costs the same time; the audit trail tells them apart.
 * After {@code app.login.max-failures} wrong passwords in a row the account is locked for
 * {@code app.login.lockout}, during which even the right password is refused.
 */
@Singleton
class SignIn implements HttpRequestExecutorAuthenticationProvider<Object> {

    static final String USER_ID_CLAIM = "uid";
    static final String TOKEN_VERSION_CLAIM = "ver";
    static final String NAME_CLAIM = "name";

    private final BeanProvider<UserStore> userStore;
    private final Passwords passwords;
    private final BeanProvider<SecurityAudit> securityAudit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    /**
     * Storage comes through providers: the security module looks up authentication providers while the
     * data layer is still being built, and a direct dependency would make that a cycle.
     */
    SignIn(BeanProvider<UserStore> users, Passwords passwords, BeanProvider<SecurityAudit> audit, Clock clock,
           @Value("${app.login.max-failures:5}") int maxFailures, @Value("${app.login.lockout:15m}") Duration lockout) {
        this.userStore = users;
        this.passwords = passwords;
        this.securityAudit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @Override
    @Transactional
    public AuthenticationResponse authenticate(HttpRequest<Object> request, AuthenticationRequest<String, String> credentials) {
        UserStore users = userStore.get();
        SecurityAudit audit = securityAudit.get();
        String username = credentials.getIdentity() == null ? "" : credentials.getIdentity().strip().toLowerCase();
        String password = credentials.getSecret() == null ? "" : credentials.getSecret();
        Optional<User> found = users.findByUsername(username);
        if (found.isEmpty()) {
            passwords.spendTheTimeOfACheck(password);
            audit.record(SecurityEventType.LOGIN_FAILED, null, username, "unknown username");
            return refused();
        }
        User user = found.get();
        Instant now = clock.instant();
        if (user.lockedUntil() != null && now.isBefore(user.lockedUntil())) {
            passwords.spendTheTimeOfACheck(password);
            audit.record(SecurityEventType.LOGIN_REFUSED_WHILE_LOCKED, null, username, "locked until " + user.lockedUntil());
            return refused();
        }
        if (!passwords.matches(password, user.passwordHash())) {
            int failures = user.failedLogins() + 1;
            if (failures >= maxFailures) {
                users.recordFailedLogin(user.id(), 0, now.plus(lockout));
                audit.record(SecurityEventType.LOGIN_LOCKED_OUT, null, username, failures + " wrong passwords; locked for " + lockout);
            } else {
                users.recordFailedLogin(user.id(), failures, null);
                audit.record(SecurityEventType.LOGIN_FAILED, null, username, "wrong password (" + failures + " in a row)");
            }
            return refused();
        }
        if (!user.enabled()) {
            audit.record(SecurityEventType.LOGIN_REFUSED_DISABLED, null, username, null);
            return refused();
        }
        users.recordSuccessfulLogin(user.id());
        audit.record(SecurityEventType.LOGIN_SUCCEEDED, username, username, null);
        return AuthenticationResponse.success(user.username(), user.roles(), Map.of(
                USER_ID_CLAIM, user.id(), TOKEN_VERSION_CLAIM, user.tokenVersion(), NAME_CLAIM, user.displayName()));
    }

    /** Whether a token issued under this version still stands: the user is enabled and nothing revoked it. */
    @ReadOnly
    public boolean isSessionCurrent(long userId, int tokenVersion) {
        return userStore.get().findById(userId).filter(User::enabled).map(user -> user.tokenVersion() == tokenVersion).orElse(false);
    }

    private static AuthenticationResponse refused() {
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
}
