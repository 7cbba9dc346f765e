package tw.training.sso;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.AuthenticationFailed;

/**
 * A sign-in through a provider that signed nobody in, as Micronaut's callback hands it to the login handler: why, and,
 * when the local user with the verified address must confirm, the token of the link request ({@code linkToken}).
 */
final class SsoRefused extends AuthenticationFailed {

    private final Refusal reason;
    private final String provider;
    private final @Nullable String linkToken;

    SsoRefused(Refusal reason, String provider, @Nullable String linkToken) {
        super(reason.name());
        this.reason = reason;
        this.provider = provider;
        this.linkToken = linkToken;
    }

    Refusal refusal() {
        return reason;
    }

    String provider() {
        return provider;
    }

    @Nullable
    String linkToken() {
        return linkToken;
    }
}
