package tw.training.sso;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.oauth2.endpoint.authorization.response.AuthorizationErrorResponseException;
import io.micronaut.security.oauth2.endpoint.authorization.response.AuthorizationErrorResponseExceptionHandler;
import jakarta.inject.Singleton;

/**
 * The provider sent the person back with an error instead of a code (they cancelled, or the provider refused them):
 * audited, and answered with the refusal page rather than Micronaut's JSON.
 */
@Singleton
@Replaces(AuthorizationErrorResponseExceptionHandler.class)
class ProviderErrors implements ExceptionHandler<AuthorizationErrorResponseException, MutableHttpResponse<?>> {

    private final ExternalSignIn signIn;
    private final SsoLoginHandler pages;

    ProviderErrors(ExternalSignIn signIn, SsoLoginHandler pages) {
        this.signIn = signIn;
        this.pages = pages;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationErrorResponseException exception) {
        String path = request.getPath();
        String provider = path.substring(path.lastIndexOf('/') + 1);
        String error = String.valueOf(exception.getAuthorizationErrorResponse().getError());
        signIn.refusedByProtocol(provider, Refusal.PROVIDER_ERROR, error.length() > 100 ? error.substring(0, 100) : error);
        return pages.refusal(request, Refusal.PROVIDER_ERROR, provider);
    }
}
