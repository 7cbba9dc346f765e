package tw.training.sso;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Turns an ID token that passed the protocol's checks (signature, issuer, audience, expiry, nonce) into a local user,
 * through {@link ExternalSignIn}: replaces Micronaut's mapper, which would make an {@code Authentication} of whatever the
 * token claims. The database work runs on the blocking pool, never on the HTTP client's event loop that delivered the
 * token.
 */
@Singleton
@Replaces(DefaultOpenIdAuthenticationMapper.class)
class IdentityMapper implements OpenIdAuthenticationMapper {

    /** The attributes of a successful sign-in's {@code Authentication}, read by {@link SsoLoginHandler}. */
    static final String USER_ID = "uid";
    static final String PROVIDER = "provider";

    private final ExternalSignIn signIn;
    private final Scheduler blocking;

    IdentityMapper(ExternalSignIn signIn, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.signIn = signIn;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName, OpenIdTokenResponse tokenResponse,
                                                                          OpenIdClaims claims, @Nullable State state) {
        return Mono.fromCallable(() -> response(providerName, claims)).subscribeOn(blocking);
    }

    private AuthenticationResponse response(String provider, OpenIdClaims claims) {
        ExternalSignIn.Outcome outcome = signIn.signIn(provider, new ExternalSignIn.Claims(claims.getIssuer(), claims.getSubject(),
                claims.getNonce(), claims.getEmail(), Boolean.TRUE.equals(claims.isEmailVerified()), claims.getPreferredUsername(),
                claims.getName(), claims.getClaims()));
        if (outcome instanceof ExternalSignIn.SignedIn signedIn) {
            return AuthenticationResponse.success(signedIn.user().username(), Map.of(USER_ID, signedIn.user().userId(), PROVIDER, provider));
        }
        if (outcome instanceof ExternalSignIn.ConfirmLink confirm) {
            return new SsoRefused(Refusal.CONFIRM, provider, confirm.token());
        }
        return new SsoRefused(((ExternalSignIn.Refused) outcome).reason(), provider, null);
    }
}
