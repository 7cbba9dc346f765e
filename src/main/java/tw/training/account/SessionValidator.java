package tw.training.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * A token is honoured only while its user is enabled and nothing (disabling, a password reset, a change of
 * roles) has revoked the sessions it belongs to; a signature alone is not enough.
 */
@Singleton
class SessionValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final SignIn signIn;

    SessionValidator(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        return claims.get(SignIn.USER_ID_CLAIM) instanceof Number userId
                && claims.get(SignIn.TOKEN_VERSION_CLAIM) instanceof Number version
                && signIn.isSessionCurrent(userId.longValue(), version.intValue());
    }
}
