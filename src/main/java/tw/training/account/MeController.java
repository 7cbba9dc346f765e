package tw.training.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
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

    MeController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Get
    @Operation(summary = "Who am I: username, display name, e-mail, roles")
    UserResponse me(@Parameter(hidden = true) Actor actor) {
        return accounts.find(actor.userId()).orElseThrow(() -> new NotFoundException("user not found"));
    }

    @Put("/password")
    @Operation(summary = "Change my password (needs the current one); my other sessions end")
    HttpResponse<Void> changePassword(@Body PasswordChange change, @Parameter(hidden = true) Actor actor) {
        accounts.changeOwnPassword(actor.userId(), change);
        return HttpResponse.noContent();
    }
}
