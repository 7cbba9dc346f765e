package tw.training.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.AccountService;
import tw.training.account.Actor;
import tw.training.account.CreateUserRequest;
import tw.training.account.PasswordReset;
import tw.training.account.Roles;
import tw.training.account.RolesChange;
import tw.training.account.UserResponse;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEvent;
import tw.training.account.audit.SecurityEventType;
import tw.training.onboarding.Invitations;
import tw.training.page.FieldErrors;
import tw.training.page.Form;
import tw.training.page.Pages;
import tw.training.sso.ExternalIdentity;
import tw.training.sso.Identities;
import tw.training.problem.ConflictException;
import tw.training.problem.InvalidInputException;
import tw.training.web.PlainText;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The administrator's console for people: find users, create one, disable or enable, reset a password, change roles
 * (the last enabled administrator keeps the role, and the page says why), invite a user to choose their own password and
 * invite them again; and the security audit trail.
 */
@Hidden
@PlainText
@Controller("/admin")
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured(Roles.ADMIN)
class UserPages {

    private static final int PAGE = 50;

    private final AccountService accounts;
    private final SecurityAudit audit;
    private final Pages pages;
    private final Invitations invitations;
    private final Identities identities;

    UserPages(AccountService accounts, SecurityAudit audit, Pages pages, Invitations invitations, Identities identities) {
        this.identities = identities;
        this.accounts = accounts;
        this.audit = audit;
        this.pages = pages;
        this.invitations = invitations;
    }

    @Get("/users{?q,role,done}")
    HttpResponse<String> users(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue String role,
                               @Nullable @QueryValue String done) {
        return usersPage(request, HttpStatus.OK, q, role, done, Map.of(), Map.of());
    }

    @Post(value = "/users", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(HttpRequest<?> request, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        try {
            // the form's choice; a client that sends no choice invites unless it gave a password
            boolean invite = form.get("access").isEmpty() ? form.get("password").isEmpty() : "invite".equals(form.get("access"));
            UserResponse user = accounts.create(new CreateUserRequest(form.get("username"), form.get("displayName"), form.get("email"),
                    invite ? null : form.get("password"), form.all("roles"), invite, form.get("language")), actor.username());
            return Pages.redirect("/admin/users?q=" + encode(user.username()) + "&done=" + encode("created:" + user.username()));
        } catch (InvalidInputException | ConflictException refused) {
            Map<String, String> errors = FieldErrors.of(refused, "username", request);
            return usersPage(request, refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY, null, null, null,
                    Map.of("username", form.get("username"), "displayName", form.get("displayName"), "email", form.get("email"),
                            "roles", String.join(",", form.all("roles")), "access", form.get("access"), "language", form.get("language")), errors);
        }
    }

    @Post(value = "/users/{username}/disable", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> disable(HttpRequest<?> request, @PathVariable String username, @Body @Nullable String body, Actor actor) {
        Form.of(body).checked(request);
        return change(request, username, "disabled", () -> accounts.disable(username, actor.username()));
    }

    @Post(value = "/users/{username}/enable", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> enable(HttpRequest<?> request, @PathVariable String username, @Body @Nullable String body, Actor actor) {
        Form.of(body).checked(request);
        return change(request, username, "enabled", () -> accounts.enable(username, actor.username()));
    }

    @Post(value = "/users/{username}/password", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> resetPassword(HttpRequest<?> request, @PathVariable String username, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        return change(request, username, "reset", () -> {
            accounts.resetPassword(username, new PasswordReset(form.get("password")), actor.username());
            return null;
        });
    }

    /** A new invitation to a user who has not yet chosen a password; the earlier link stops working. */
    @Post(value = "/users/{username}/invitation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> invite(HttpRequest<?> request, @PathVariable String username, @Body @Nullable String body, Actor actor) {
        Form.of(body).checked(request);
        return change(request, username, "invited", () -> {
            invitations.resend(username, actor.username());
            return null;
        });
    }

    @Post(value = "/users/{username}/roles", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> roles(HttpRequest<?> request, @PathVariable String username, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        return change(request, username, "roles", () -> accounts.changeRoles(username, new RolesChange(form.all("roles")), actor.username()));
    }

    /** Marks a user SSO only ({@code ssoOnly=true}: their password no longer signs them in) or not. */
    @Post(value = "/users/{username}/sso-only", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> ssoOnly(HttpRequest<?> request, @PathVariable String username, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        return change(request, username, "ssoOnly", () -> accounts.setSsoOnly(username, "true".equals(form.get("ssoOnly")), actor.username()));
    }

    /** Links a provider's identity (provider and subject) to a user by hand. */
    @Post(value = "/users/{username}/identities", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> link(HttpRequest<?> request, @PathVariable String username, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        return change(request, username, "linked", () -> {
            identities.link(username, new Identities.LinkRequestBody(form.get("provider"), form.get("subject")), actor);
            return null;
        });
    }

    /** Unlinks an identity; the user's sessions end. */
    @Post(value = "/users/{username}/identities/{identityId}/unlink", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> unlink(HttpRequest<?> request, @PathVariable String username, @PathVariable long identityId, @Body @Nullable String body,
                                  Actor actor) {
        Form.of(body).checked(request);
        return change(request, username, "unlinked", () -> {
            identities.unlink(username, identityId, actor);
            return null;
        });
    }

    /** One change to a user; back to them with what was done, or the list with why not beside them. */
    private MutableHttpResponse<?> change(HttpRequest<?> request, String username, String done, Supplier<UserResponse> change) {
        try {
            change.get();
            return Pages.redirect("/admin/users?q=" + encode(username) + "&done=" + encode(done + ":" + username));
        } catch (InvalidInputException | ConflictException refused) {
            return usersPage(request, refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY, username, null, null,
                    Map.of(), Map.of("user:" + username, refused instanceof InvalidInputException invalid && !invalid.errors().isEmpty()
                            ? Pages.messages(request).say(invalid.errors().get(0).phrase()) : FieldErrors.of(refused, request)));
        }
    }

    private MutableHttpResponse<String> usersPage(HttpRequest<?> request, HttpStatus status, @Nullable String q, @Nullable String role,
                                                  @Nullable String done, Map<String, String> filled, Map<String, String> errors) {
        String chosenRole = role != null && Roles.ALL.contains(role) ? role : null;
        Map<String, Object> model = new HashMap<>();
        List<UserResponse> found = accounts.search(q == null || q.isBlank() ? null : q.strip(), chosenRole, null, PAGE, 0);
        Map<Long, List<ExternalIdentity>> linked = identities.of(found.stream().map(UserResponse::id).toList());
        Map<String, List<ExternalIdentity>> byUsername = new HashMap<>();
        found.forEach(user -> byUsername.put(user.username(), linked.getOrDefault(user.id(), List.of())));
        model.put("users", found);
        model.put("identities", byUsername);
        model.put("providers", identities.providers());
        model.put("roles", Roles.ALL);
        model.put("languages", AccountService.LANGUAGES);
        model.put("chosen", Map.of("q", q == null ? "" : q, "role", chosenRole == null ? "" : chosenRole));
        // what was just done, as the redirect named it; anything else in the address is not ours to print
        model.put("done", done != null && done.matches("(created|disabled|enabled|reset|roles|invited|ssoOnly|linked|unlinked):.{1,100}") ? done : "");
        model.put("filled", filled);
        model.put("errors", errors);
        return pages.render(request, status, "users.ftlh", model);
    }

    @Get("/audit{?type,username}")
    HttpResponse<String> audit(HttpRequest<?> request, @Nullable @QueryValue String type, @Nullable @QueryValue String username) {
        SecurityEventType chosen = Arrays.stream(SecurityEventType.values()).filter(t -> t.name().equals(type)).findFirst().orElse(null);
        Map<String, Object> model = new HashMap<>();
        java.util.Locale language = Pages.messages(request).language().locale;
        model.put("events", audit.list(chosen, username == null || username.isBlank() ? null : username.strip(), 200).stream()
                .map(event -> new Shown(event, audit.describe(event, language))).toList());
        model.put("types", SecurityEventType.values());
        model.put("chosen", Map.of("type", chosen == null ? "" : chosen.name(), "username", username == null ? "" : username));
        return pages.render(request, "audit.ftlh", model);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** An audit entry with its description in the page's language. */
    public record Shown(SecurityEvent event, @Nullable String detail) {
    }
}
