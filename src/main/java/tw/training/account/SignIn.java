package tw.training.account;

import tw.training.phrase.Phrase;
import tw.training.phrase.Addresses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEventType;
import tw.training.account.throttle.KnownDevices;
import tw.training.account.throttle.PasswordChecks;
import tw.training.account.throttle.Throttle;
import tw.training.account.throttle.ThrottledRefusals;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /login} and the sign-in page: checks a username and password from a source address. Every refusal
 * (unknown user, wrong password, disabled) looks the same to the caller and costs the same time; the audit trail tells
 * them apart. Wrong passwords slow down their source and, past a budget, the account ({@link Throttle}); they never lock
 * it, and a device that signed in to it before is not slowed by the account's wait, so nobody can keep its owner out.
 */
@Singleton
class SignIn {

    static final String USER_ID_CLAIM = "uid";
    static final String TOKEN_VERSION_CLAIM = "ver";
    static final String NAME_CLAIM = "name";
    /** How long to come back after when too many password checks are running already. */
    private static final Duration BUSY = Duration.ofSeconds(1);

    private final UserRepository users;
    private final Passwords passwords;
    private final PasswordChecks checks;
    private final SecurityAudit audit;
    private final Throttle throttle;
    private final ThrottledRefusals refusals;
    private final KnownDevices devices;
    private final TransactionOperations<Connection> transactions;

    SignIn(UserRepository users, Passwords passwords, PasswordChecks checks, SecurityAudit audit, Throttle throttle,
           ThrottledRefusals refusals, KnownDevices devices, TransactionOperations<Connection> transactions) {
        this.users = users;
        this.passwords = passwords;
        this.checks = checks;
        this.audit = audit;
        this.throttle = throttle;
        this.refusals = refusals;
        this.devices = devices;
        this.transactions = transactions;
    }

    /** What came of an attempt. */
    sealed interface Outcome {
    }

    /** Signed in; {@code device} is the cookie the device should now carry, if it does not carry this account's already. */
    record SignedIn(Authentication authentication, Optional<String> device) implements Outcome {
    }

    record Refused() implements Outcome {
    }

    /** Not checked at all: the source must wait this long first. */
    record Throttled(Duration retryAfter) implements Outcome {
    }

    /**
     * Each step commits on its own: a refusal must leave its failure counted and its audit row written. The limits are
     * asked cheapest first, so an attempt refused by its source's or its account's limit takes nothing from the limit of
     * all {@code /login}. A device that signed in to the account before is exempt from the account's wait and from the
     * limit of all (an attacker elsewhere cannot drain the owner's way in); any other device checks one password of an
     * account at a time, so a burst of guesses from many addresses cannot all be checked before the first failures count.
     */
    Outcome attempt(@Nullable String rawUsername, @Nullable String rawPassword, String source, @Nullable String device) {
        String username = rawUsername == null ? "" : rawUsername.strip().toLowerCase();
        String password = rawPassword == null ? "" : rawPassword;
        Optional<Duration> wait = throttle.admitSource(source).or(() -> throttle.waitFor(username, source));
        if (wait.isPresent()) {
            return refused(source, username, wait.get());
        }
        if (devices.knows(device, username)) {
            return check(username, password, source, device);
        }
        // the account's turn is taken before its wait is read: the failure of the check before this one has counted
        if (!throttle.startCheck(username)) {
            return refused(source, username, BUSY);
        }
        try {
            wait = throttle.accountWait(username).or(throttle::admitCheck);
            return wait.isPresent() ? refused(source, username, wait.get()) : check(username, password, source, device);
        } finally {
            throttle.endCheck(username);
        }
    }

    private Throttled refused(String source, String username, Duration wait) {
        refusals.refused(source, username, wait);
        return new Throttled(wait);
    }

    /** The password checked, and what came of it counted and audited. */
    private Outcome check(String username, String password, String source, @Nullable String device) {
        Optional<User> found = transactions.executeRead(status -> users.named(username));
        Optional<Boolean> checked = checks.run(() -> {
            if (found.isEmpty()) {
                passwords.spendTheTimeOfACheck(password);
                return false;
            }
            return passwords.matches(password, found.get().passwordHash());
        });
        if (checked.isEmpty()) {
            return refused(source, username, BUSY);
        }
        if (!checked.get()) {
            Throttle.Imposed imposed = throttle.fail(username, source);
            audit.record(SecurityEventType.LOGIN_FAILED, null, username, Phrase.of(found.isEmpty() ? "audit.unknown-username" : "audit.wrong-password",
                    Addresses.word(source)));
            imposed.onSource().ifPresent(d -> audit.record(SecurityEventType.LOGIN_THROTTLED, null, username,
                    Phrase.of("audit.source-waits", Addresses.word(source), d.toSeconds())));
            imposed.onAccount().ifPresent(d -> audit.record(SecurityEventType.LOGIN_THROTTLED, null, username,
                    Phrase.of("audit.account-waits", d.toSeconds())));
            return new Refused();
        }
        User user = found.get();
        if (!user.enabled()) {
            audit.record(SecurityEventType.LOGIN_REFUSED_DISABLED, null, username, Phrase.of("audit.from", Addresses.word(source)));
            return new Refused();
        }
        if (user.ssoOnly()) {
            // the password was right, yet this account signs in through its institution only: the same answer as a refusal
            audit.record(SecurityEventType.LOGIN_REFUSED_SSO_ONLY, null, username, Phrase.of("audit.from", Addresses.word(source)));
            return new Refused();
        }
        throttle.succeed(username, source);
        transactions.executeWrite(status -> {
            users.signedInFrom(user.id(), source.length() > 100 ? source.substring(0, 100) : source);
            return null;
        });
        audit.record(SecurityEventType.LOGIN_SUCCEEDED, username, username, Phrase.of("audit.from", Addresses.word(source)));
        return new SignedIn(authentication(user), devices.signedIn(device, username));
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
