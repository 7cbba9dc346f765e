package tw.training.account;

import tw.training.web.PlainText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Administration of users (SPEC §7), for administrators only. */
@PlainText
@Controller("/api/users")
@Secured(Roles.ADMIN)
@Tag(name = "accounts")
class UserController {

    private final AccountService accounts;

    UserController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Post
    @Operation(summary = "Create a user with a password and roles")
    @Status(HttpStatus.CREATED)
    HttpResponse<UserResponse> create(@Body CreateUserRequest request, @Parameter(hidden = true) Actor actor) {
        UserResponse created = accounts.create(request, actor.username());
        return HttpResponse.created(created, URI.create("/api/users/" + created.username()));
    }

    @Get
    @Operation(summary = "List users; q searches username, display name and e-mail")
    List<UserResponse> search(@QueryValue @Nullable String q, @QueryValue @Nullable String role,
                              @QueryValue @Nullable Boolean enabled, @QueryValue @Nullable Integer page,
                              @QueryValue @Nullable Integer size) {
        return accounts.search(q, role == null ? null : role.strip().toUpperCase(), enabled,
                size == null ? 50 : size, page == null ? 0 : page);
    }

    @Get("/{username}")
    UserResponse get(@PathVariable String username) {
        return accounts.get(username);
    }

    @Post("/{username}/disable")
    @Operation(summary = "Disable a user: they cannot sign in, and their tokens stop working")
    UserResponse disable(@PathVariable String username, @Parameter(hidden = true) Actor actor) {
        return accounts.disable(username, actor.username());
    }

    @Post("/{username}/enable")
    UserResponse enable(@PathVariable String username, @Parameter(hidden = true) Actor actor) {
        return accounts.enable(username, actor.username());
    }

    @Post("/{username}/password")
    @Operation(summary = "Set a user's password; their sessions end")
    HttpResponse<Void> resetPassword(@PathVariable String username, @Body PasswordReset reset, @Parameter(hidden = true) Actor actor) {
        accounts.resetPassword(username, reset, actor.username());
        return HttpResponse.noContent();
    }

    @Put("/{username}/roles")
    @Operation(summary = "Replace a user's roles; their sessions end")
    UserResponse changeRoles(@PathVariable String username, @Body RolesChange change, @Parameter(hidden = true) Actor actor) {
        return accounts.changeRoles(username, change, actor.username());
    }
}
