package tw.training.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * A token is honoured only while it is within its time (it must carry {@code exp}, and {@code nbf} if present
 * must have passed), its user is enabled and nothing (disabling, a password reset, a change of roles) has
 * revoked the sessions it belongs to; a signature alone is not enough.
 */
@Singleton
class SessionValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final SignIn signIn;
    private final Clock clock;

    SessionValidator(SignIn signIn, Clock clock) {
        this.signIn = signIn;
        this.clock = clock;
    }

    /** A NumericDate claim as the JWT library hands it over (a Date, or seconds), or empty when absent or malformed. */
    private static Optional<Long> epochSeconds(Object claim) {
        if (claim instanceof Date date) {
            return Optional.of(date.toInstant().getEpochSecond());
        }
        if (claim instanceof Number seconds) {
            return Optional.of(seconds.longValue());
        }
        return Optional.empty();
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Instant now = clock.instant();
        // a token must say when it ends, and must already have begun; the library accepts one without exp
        return epochSeconds(claims.get(Claims.EXPIRATION_TIME)).filter(exp -> now.getEpochSecond() < exp).isPresent()
                && epochSeconds(claims.get(Claims.NOT_BEFORE)).map(nbf -> nbf <= now.getEpochSecond()).orElse(claims.get(Claims.NOT_BEFORE) == null)
                && claims.get(SignIn.USER_ID_CLAIM) instanceof Number userId
                && claims.get(SignIn.TOKEN_VERSION_CLAIM) instanceof Number version
                && signIn.isSessionCurrent(userId.longValue(), version.intValue());
    }
}
