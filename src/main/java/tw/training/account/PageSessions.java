package tw.training.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import tw.training.secret.CookieTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions of the pages (SPEC §10): opened by the same sign-in as {@code POST /login} (same throttling, same answer
 * for an unknown user), kept as rows so that signing out ends them everywhere at once, and honoured only while
 * their user is enabled under the token version they were opened with.
 */
@Singleton
public class PageSessions {

    /** The attribute of a page session's {@link Authentication} that holds the CSRF token of its forms. */
    public static final String CSRF_ATTRIBUTE = "csrf";
    /** A session ends after this long without a request... */
    public static final Duration IDLE = Duration.ofHours(2);
    /** ...and after this long in any case: a shared computer left signed in is not signed in for good. */
    public static final Duration LIFETIME = Duration.ofHours(12);
    /** Requests closer together than this do not rewrite the session's row. */
    private static final Duration TOUCH = Duration.ofMinutes(5);

    private final SignIn signIn;
    private final PageSessionRepository sessions;
    private final UserRepository users;
    private final Clock clock;

    PageSessions(SignIn signIn, PageSessionRepository sessions, UserRepository users, Clock clock) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.users = users;
        this.clock = clock;
    }

    /** What came of signing in. */
    public sealed interface Opening {
    }

    /**
     * Signed in: {@code cookie} is the value for the browser, shown nowhere else; {@code device} the device cookie it
     * should now carry, if it does not carry this account's already.
     */
    public record Opened(String cookie, Optional<String> device) implements Opening {
    }

    /** Wrong username or password, or a disabled user: the same answer for all. */
    public record Refused() implements Opening {
    }

    public record Throttled(Duration retryAfter) implements Opening {
    }

    /**
     * A session for a user who signed in elsewhere (through their institution's provider, which the caller checked),
     * under the user's token version as it stands; empty when the user is disabled. The cookie is for the browser.
     */
    @Transactional
    public Optional<String> openFor(long userId, String provider) {
        return users.withId(userId).filter(User::enabled).map(user -> start(user.id(), user.tokenVersion(), provider));
    }

    /** A new session's row (expired ones cleared on the way); answers the cookie, shown nowhere else. */
    private String start(long userId, int tokenVersion, @Nullable String provider) {
        String cookie = CookieTokens.fresh();
        Instant now = clock.instant();
        sessions.deleteByExpiresAtBefore(now);
        sessions.save(new PageSession(null, CookieTokens.hash(cookie), userId, tokenVersion, CookieTokens.fresh(), now, now, now.plus(LIFETIME),
                provider));
        return cookie;
    }

    /** The provider a session was opened through, if it was: signing out may offer to sign out there too. */
    @Transactional
    public Optional<String> provider(String cookie) {
        return sessions.findByTokenHash(CookieTokens.hash(cookie)).map(PageSession::provider);
    }

    /** Marks a session opened by a password as standing for a provider's sign-in too (an identity linked on confirming). */
    @Transactional
    public void openedThrough(String cookie, String provider) {
        sessions.findByTokenHash(CookieTokens.hash(cookie)).ifPresent(session -> sessions.updateProvider(session.id(), provider));
    }

    public Opening open(String username, String password, String source, @Nullable String device) {
        SignIn.Outcome outcome = signIn.attempt(username, password, source, device);
        if (outcome instanceof SignIn.Throttled throttled) {
            return new Throttled(throttled.retryAfter());
        }
        if (!(outcome instanceof SignIn.SignedIn signedIn)) {
            return new Refused();
        }
        Map<String, Object> claims = signedIn.authentication().getAttributes();
        String cookie = start(((Number) claims.get(SignIn.USER_ID_CLAIM)).longValue(), ((Number) claims.get(SignIn.TOKEN_VERSION_CLAIM)).intValue(),
                null);
        return new Opened(cookie, signedIn.device());
    }

    /**
     * The user a session cookie stands for, as a request's {@link Authentication} (the same attributes as a token's,
     * and the session's CSRF token), or empty when the session has ended, expired or been revoked.
     */
    @Transactional
    public Optional<Authentication> authenticate(String cookie) {
        Instant now = clock.instant();
        Optional<PageSession> found = sessions.findByTokenHash(CookieTokens.hash(cookie))
                .filter(session -> now.isBefore(session.expiresAt()) && now.isBefore(session.lastSeenAt().plus(IDLE)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PageSession session = found.get();
        Optional<User> user = users.withId(session.userId()).filter(User::enabled).filter(u -> u.tokenVersion() == session.tokenVersion());
        if (user.isEmpty()) {
            sessions.deleteById(session.id());
            return Optional.empty();
        }
        if (session.lastSeenAt().plus(TOUCH).isBefore(now)) {
            sessions.update(session.id(), now);
        }
        User u = user.get();
        return Optional.of(Authentication.build(u.username(), u.roles(), Map.of(SignIn.USER_ID_CLAIM, u.id(),
                SignIn.TOKEN_VERSION_CLAIM, u.tokenVersion(), SignIn.NAME_CLAIM, u.displayName(), CSRF_ATTRIBUTE, session.csrfToken())));
    }

    /** Signing out: the session ends here and now, whoever still holds its cookie. */
    @Transactional
    public void close(String cookie) {
        sessions.deleteByTokenHash(CookieTokens.hash(cookie));
    }

    /**
     * After the user changed their password here, this session goes on under the new token version; every other one
     * (perhaps opened by whoever knew the old password) stays on the old and has ended.
     */
    @Transactional
    public void keep(String cookie, int tokenVersion) {
        sessions.findByTokenHash(CookieTokens.hash(cookie)).ifPresent(session -> sessions.update(session.id(), tokenVersion));
    }
}
