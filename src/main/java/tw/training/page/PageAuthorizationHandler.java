package tw.training.page;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A page asked for without a session goes to the sign-in form, which brings the user back afterwards
 * ({@code /signin?next=…}). Everything else is refused as before: the API with its 401 or 403 problem, a page of
 * another role with the 403 page ({@link ErrorPages}).
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class PageAuthorizationHandler extends DefaultAuthorizationExceptionHandler {

    PageAuthorizationHandler(ErrorResponseProcessor<?> errors, RedirectConfiguration redirects, RedirectService redirectService,
                             @Nullable PriorToLoginPersistence priorToLogin) {
        super(errors, redirects, redirectService, priorToLogin);
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (!exception.isForbidden() && PageRequests.isPage(request) && !PageRequests.isScripted(request)) {
            String next = request.getUri().toString();
            return Pages.redirect("/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return super.handle(request, exception);
    }

    @Override
    protected boolean shouldRedirect(HttpRequest<?> request, AuthorizationException exception) {
        return false;
    }
}
