package tw.training.account;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.problem.NotFoundException;
import tw.training.web.PlainText;

/** The signed-in user's own account. */
@PlainText
@Controller("/api/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "accounts")
class MeController {

    private final AccountService accounts;
    private final UserRepository users;
    private final AccessRefreshTokenGenerator tokens;

    MeController(AccountService accounts, UserRepository users, AccessRefreshTokenGenerator tokens) {
        this.accounts = accounts;
        this.users = users;
        this.tokens = tokens;
    }

    @Get
    @Operation(summary = "Who am I: username, display name, e-mail, roles")
    UserResponse me(@Parameter(hidden = true) Actor actor) {
        return accounts.find(actor.userId()).orElseThrow(() -> new NotFoundException("account.user-not-found"));
    }

    /**
     * A bearer token is a signed statement, not a session the server could keep apart from its copies: the only way to
     * end every other session is to end every token issued before. So the caller's ends too, and the answer carries the
     * caller's next one, as signing in does.
     */
    @Put("/password")
    @Operation(summary = "Change my password (needs the current one): every token issued before ends, mine included; the answer is my new token")
    AccessRefreshToken changePassword(@Body PasswordChange change, @Parameter(hidden = true) Actor actor) {
        accounts.changeOwnPassword(actor.userId(), change);
        User user = users.withId(actor.userId()).orElseThrow(() -> new NotFoundException("account.user-not-found"));
        return tokens.generate(SignIn.authentication(user)).orElseThrow(() -> new IllegalStateException("no token could be generated"));
    }
}
