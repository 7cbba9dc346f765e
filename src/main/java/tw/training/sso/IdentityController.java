package tw.training.sso;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.AccountService;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.account.UserResponse;
import tw.training.web.PlainText;

import java.net.URI;
import java.util.List;

/** A user's external identities and whether they are SSO only, for administrators. */
@PlainText
@Controller("/api/users/{username}")
@Secured(Roles.ADMIN)
@Tag(name = "accounts")
class IdentityController {

    private final Identities identities;
    private final AccountService accounts;

    IdentityController(Identities identities, AccountService accounts) {
        this.identities = identities;
        this.accounts = accounts;
    }

    @Serdeable
    record SsoOnly(boolean ssoOnly) {
    }

    @Get("/identities")
    @Operation(summary = "The provider identities (issuer, subject) linked to a user")
    List<ExternalIdentity> list(@PathVariable String username) {
        return identities.of(username);
    }

    @Post("/identities")
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Link a provider's identity (provider name and subject) to a user")
    HttpResponse<ExternalIdentity> link(@PathVariable String username, @Body Identities.LinkRequestBody body, @Parameter(hidden = true) Actor actor) {
        ExternalIdentity linked = identities.link(username, body, actor);
        return HttpResponse.created(linked, URI.create("/api/users/" + username + "/identities/" + linked.id()));
    }

    @Delete("/identities/{identityId}")
    @Operation(summary = "Unlink an identity from a user; the user's sessions end")
    HttpResponse<Void> unlink(@PathVariable String username, @PathVariable long identityId, @Parameter(hidden = true) Actor actor) {
        identities.unlink(username, identityId, actor);
        return HttpResponse.noContent();
    }

    @Put("/sso-only")
    @Operation(summary = "Mark a user SSO only (no password sign-in; their sessions end) or not")
    UserResponse ssoOnly(@PathVariable String username, @Body SsoOnly body, @Parameter(hidden = true) Actor actor) {
        return accounts.setSsoOnly(username, body.ssoOnly(), actor.username());
    }
}
