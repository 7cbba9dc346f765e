package tw.training.sso;

import com.nimbusds.jwt.JWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.client.OpenIdProviderMetadata;
import io.micronaut.security.oauth2.configuration.OauthClientConfiguration;
import io.micronaut.security.oauth2.endpoint.SecureEndpoint;
import io.micronaut.security.oauth2.endpoint.authorization.pkce.persistence.PkcePersistence;
import io.micronaut.security.oauth2.endpoint.authorization.response.DefaultOpenIdAuthorizationResponseHandler;
import io.micronaut.security.oauth2.endpoint.authorization.response.OpenIdAuthorizationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.validation.StateValidator;
import io.micronaut.security.oauth2.endpoint.token.request.TokenEndpointClient;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.validation.ReactiveOpenIdTokenResponseValidator;
import io.micronaut.security.oauth2.url.OauthRouteUrlBuilder;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.ExecutorService;

/**
 * Micronaut's handling of the provider's answer (state, code exchange with the PKCE verifier, ID token checks), with
 * every way it can end without a user given a reason: a wrong state, a code the provider would not exchange, a token
 * that failed a check (Micronaut answers nothing at all then), or a failure. Each is audited with the provider's
 * issuer and answered with a page, never a bare 401 or a 500.
 */
@Singleton
@Replaces(DefaultOpenIdAuthorizationResponseHandler.class)
class GuardedResponseHandler extends DefaultOpenIdAuthorizationResponseHandler<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedResponseHandler.class);

    private final ExternalSignIn signIn;
    private final Scheduler blocking;

    GuardedResponseHandler(ReactiveOpenIdTokenResponseValidator<JWT> tokenResponseValidator, OpenIdAuthenticationMapper authenticationMapper,
                           TokenEndpointClient tokenEndpointClient, OauthRouteUrlBuilder<HttpRequest<?>> oauthRouteUrlBuilder,
                           @Nullable StateValidator stateValidator, @Nullable PkcePersistence pkcePersistence, ExternalSignIn signIn,
                           @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        super(tokenResponseValidator, authenticationMapper, tokenEndpointClient, oauthRouteUrlBuilder, stateValidator, pkcePersistence);
        this.signIn = signIn;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public Publisher<AuthenticationResponse> handle(OpenIdAuthorizationResponse authorizationResponse, OauthClientConfiguration clientConfiguration,
                                                    OpenIdProviderMetadata openIdProviderMetadata, @Nullable OpenIdAuthenticationMapper authenticationMapper,
                                                    SecureEndpoint tokenEndpoint) {
        String provider = clientConfiguration.getName();
        Flux<AuthenticationResponse> answer;
        try {
            answer = Flux.from(super.handle(authorizationResponse, clientConfiguration, openIdProviderMetadata, authenticationMapper, tokenEndpoint));
        } catch (RuntimeException e) {
            answer = Flux.error(e);
        }
        return answer
                .flatMap(response -> response.isAuthenticated() || response instanceof SsoRefused ? Mono.just(response)
                        // the only other answer Micronaut gives is a failed state check
                        : refused(provider, Refusal.STATE, response.getMessage().orElse("state")))
                .onErrorResume(HttpClientResponseException.class, e -> refused(provider, Refusal.CODE, e.getStatus() + " " + e.getMessage()))
                .onErrorResume(e -> {
                    LOG.warn("Sign-in through {} failed", provider, e);
                    return refused(provider, Refusal.FAILED, e.getClass().getSimpleName());
                })
                // Micronaut completes empty when the ID token failed a check (it logs which)
                .switchIfEmpty(Mono.defer(() -> refused(provider, Refusal.TOKEN, "ID token")));
    }

    private Mono<AuthenticationResponse> refused(String provider, Refusal reason, String detail) {
        return Mono.<AuthenticationResponse>fromCallable(() -> {
            signIn.refusedByProtocol(provider, reason, detail.length() > 200 ? detail.substring(0, 200) : detail);
            return new SsoRefused(reason, provider, null);
        }).subscribeOn(blocking);
    }
}
