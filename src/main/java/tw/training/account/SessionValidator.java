package tw.training.account;

import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import jakarta.inject.Named;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * A token is honoured only while it is within its time (it must carry {@code exp}, and {@code nbf} if present
 * must have passed), its user is enabled and nothing (disabling, a password reset, a change of roles) has
 * revoked the sessions it belongs to; a signature alone is not enough.
 *
 * <p>Micronaut verifies every token with every signature it knows, and an institution's OpenID Connect provider adds
 * its published keys to them (tw.training.sso): a bearer token must therefore be verified again with this service's own
 * secret, or a provider (or whoever holds its keys) could mint tokens for any user here. The ID tokens that providers
 * send back to the sign-in callback pass through the same validators; for them only the times are checked here, the
 * rest (issuer, audience, nonce, the user it stands for) by the sign-in.
 */
@Singleton
class SessionValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final SignIn signIn;
    private final Clock clock;
    private final List<SignatureConfiguration> ours;

    SessionValidator(SignIn signIn, Clock clock, @Named("generator") SignatureGeneratorConfiguration current,
                     @Named("accepted") SignatureConfiguration accepted) {
        this.signIn = signIn;
        this.clock = clock;
        this.ours = List.of(current, accepted);
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
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        Instant now = clock.instant();
        // a token must say when it ends, and must already have begun; the library accepts one without exp
        boolean inTime = epochSeconds(claims.get(Claims.EXPIRATION_TIME)).filter(exp -> now.getEpochSecond() < exp).isPresent()
                && epochSeconds(claims.get(Claims.NOT_BEFORE)).map(nbf -> nbf <= now.getEpochSecond()).orElse(claims.get(Claims.NOT_BEFORE) == null);
        if (request == null || request.getPath().startsWith("/oauth/callback/")) {
            return inTime;
        }
        return inTime && signedByUs(request)
                && claims.get(SignIn.USER_ID_CLAIM) instanceof Number userId
                && claims.get(SignIn.TOKEN_VERSION_CLAIM) instanceof Number version
                && signIn.isSessionCurrent(userId.longValue(), version.intValue());
    }

    /** Whether the request's bearer token carries this service's own signature (the current secret or one still accepted). */
    private boolean signedByUs(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring(7).strip());
            for (SignatureConfiguration signature : ours) {
                if (signature.supports(jwt.getHeader().getAlgorithm()) && signature.verify(jwt)) {
                    return true;
                }
            }
            return false;
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException notOurs) {
            return false;
        }
    }
}
