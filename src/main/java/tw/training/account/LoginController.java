package tw.training.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.problem.TooManyRequestsException;
import tw.training.web.PlainText;
import tw.training.web.TrustedProxies;

/**
 * SPEC §7: signing in answers a bearer token. Written here rather than taken from Micronaut Security, whose login
 * endpoint can answer only 200 or 401: a throttled attempt answers 429 with {@code Retry-After}.
 */
@PlainText
@Controller
@Tag(name = "accounts")
class LoginController {

    private final SignIn signIn;
    private final AccessRefreshTokenGenerator tokens;
    private final TrustedProxies addresses;

    LoginController(SignIn signIn, AccessRefreshTokenGenerator tokens, TrustedProxies addresses) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.addresses = addresses;
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(summary = "Sign in: {username, password} → {access_token, token_type, expires_in, username, roles}")
    HttpResponse<AccessRefreshToken> login(@Body LoginRequest credentials, HttpRequest<?> request) {
        String source = addresses.resolve(request);
        SignIn.Outcome outcome = signIn.attempt(credentials.username(), credentials.password(), source == null ? "unknown" : source,
                DeviceCookie.read(request));
        if (outcome instanceof SignIn.SignedIn signedIn) {
            MutableHttpResponse<AccessRefreshToken> answer = HttpResponse.ok(tokens.generate(signedIn.authentication())
                    .orElseThrow(() -> new IllegalStateException("no token could be generated")));
            signedIn.device().ifPresent(device -> answer.cookie(DeviceCookie.of(device, addresses.cameOverHttps(request))));
            return answer;
        }
        if (outcome instanceof SignIn.Throttled throttled) {
            throw new TooManyRequestsException(throttled.retryAfter(), "account.sign-in-throttled");
        }
        throw new HttpStatusException(HttpStatus.UNAUTHORIZED, "The username or password is not correct");
    }
}
