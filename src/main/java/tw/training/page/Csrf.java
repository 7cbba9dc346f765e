package tw.training.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import tw.training.account.PageSessions;
import tw.training.problem.ForbiddenException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The CSRF token every state-changing form carries (a hidden field {@code _csrf}, or the header {@code X-CSRF-Token}
 * for a script): the session's own token once signed in; before that (the sign-in form), the value of a cookie of
 * its own, which a page elsewhere can neither read nor set.
 */
public final class Csrf {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    /** The request attribute set when a form is refused for its token. */
    static final String EXPIRED_FORM = "tw.training.page.expired-form";

    private Csrf() {
    }

    /** The token of this request's forms, if it has one yet. */
    static Optional<String> token(HttpRequest<?> request) {
        Optional<Authentication> signedIn = request.getUserPrincipal(Authentication.class);
        if (signedIn.isPresent()) {
            return Optional.ofNullable(signedIn.get().getAttributes().get(PageSessions.CSRF_ATTRIBUTE)).map(Object::toString);
        }
        return SessionCookie.read(request, SessionCookie.CSRF);
    }

    /** Refuses (403) a state-changing request whose token, from the form or the header, is not this request's. */
    public static void require(HttpRequest<?> request, String fromForm) {
        String submitted = fromForm != null ? fromForm : request.getHeaders().get(HEADER);
        Optional<String> expected = token(request);
        if (submitted == null || expected.isEmpty()
                || !MessageDigest.isEqual(submitted.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8))) {
            // the 403 page says the form expired only when that is what happened (ErrorPages)
            request.setAttribute(EXPIRED_FORM, Boolean.TRUE);
            throw new ForbiddenException("page.form-s-security-token-missing");
        }
    }
}
