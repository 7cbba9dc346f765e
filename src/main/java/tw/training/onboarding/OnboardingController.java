package tw.training.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.problem.InvalidInputException;
import tw.training.problem.TooManyRequestsException;
import tw.training.web.TextUpload;
import tw.training.web.PlainText;
import tw.training.web.TrustedProxies;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Invitations and forgotten passwords over the API (the pages do the same: {@link OnboardingPages}). */
@Controller
@PlainText
@Tag(name = "Accounts")
class OnboardingController {

    private final Invitations invitations;
    private final PasswordRecovery recovery;
    private final TrustedProxies proxies;
    private final AccountImport accountImport;

    OnboardingController(Invitations invitations, PasswordRecovery recovery, TrustedProxies proxies, AccountImport accountImport) {
        this.invitations = invitations;
        this.recovery = recovery;
        this.proxies = proxies;
        this.accountImport = accountImport;
    }

    /** A link's token and the password its holder chooses. */
    @Serdeable
    record ChosenPassword(@Nullable String token, @Nullable String password) {

        @Override
        public String toString() {
            return "ChosenPassword[***]";
        }
    }

    @Serdeable
    record Accepted(String username) {
    }

    @Serdeable
    record Forgotten(@Nullable String address) {
    }

    @Post("/api/users/{username}/invitation")
    @Secured(Roles.ADMIN)
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "Sends a new invitation to a user who has not yet chosen a password (the earlier link stops working); 409 once they have")
    void resend(String username, @Parameter(hidden = true) Actor actor) {
        invitations.resend(username, actor.username());
    }

    @Post("/api/users/import{?mode}")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.MULTIPART_FORM_DATA})
    @Secured(Roles.ADMIN)
    @Operation(summary = "Users from a CSV file (UTF-8 or Big5; the body or the part 'file'; a header row naming username, display name,"
            + " e-mail, and optionally roles, language, course, in English or Chinese), each invited to choose a password and enrolled in the"
            + " course named. mode=preview (the default) writes nothing and names every fault by line and field; mode=all imports every row or,"
            + " when any has a fault, none (422); mode=valid imports the rows without faults")
    AccountImportReport importUsers(HttpRequest<?> request, @Nullable @QueryValue String mode, @Parameter(hidden = true) Actor actor) throws IOException {
        return accountImport.run(TextUpload.read(request, "the file"), mode(mode), actor);
    }

    static AccountImport.Mode mode(@Nullable String mode) {
        String wanted = mode == null || mode.isBlank() ? "PREVIEW" : mode.strip().toUpperCase(java.util.Locale.ROOT);
        return java.util.Arrays.stream(AccountImport.Mode.values()).filter(known -> known.name().equals(wanted)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("mode", "onboarding.mode-must-one", List.of("preview", "all", "valid")));
    }

    @Post("/api/invitations/accept")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Chooses the password of an invited user with the invitation's token (once, within 7 days); 404 for a link that does not work")
    Accepted accept(@Body ChosenPassword chosen) {
        return new Accepted(invitations.accept(chosen.token() == null ? "" : chosen.token(), chosen.password()));
    }

    @Post("/api/password/forgotten")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Mails a password reset link to the accounts with this e-mail address (or username); 202 whether any exists or not,"
            + " 429 when asked too often for the address or from the source")
    HttpResponse<?> forgotten(HttpRequest<?> request, @Body Forgotten forgotten) {
        String source = proxies.resolve(request);
        recovery.ask(forgotten.address(), source == null ? "unknown" : source).ifPresent(wait -> {
            throw new TooManyRequestsException(wait, "onboarding.throttled", seconds(wait));
        });
        return HttpResponse.accepted();
    }

    @Post("/api/password/reset")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Sets a new password with a reset link's token (once, within 30 minutes); every session and token of the user ends")
    Accepted reset(@Body ChosenPassword chosen) {
        return new Accepted(recovery.reset(chosen.token() == null ? "" : chosen.token(), chosen.password()));
    }

    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
