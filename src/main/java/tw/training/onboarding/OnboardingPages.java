package tw.training.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.AccountHolder;
import tw.training.page.FieldErrors;
import tw.training.page.Form;
import tw.training.page.Messages;
import tw.training.page.Pages;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;
import tw.training.web.PlainText;
import tw.training.web.TrustedProxies;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The pages behind the mailed links, and the forgotten-password form of the sign-in page. Opening a link only shows
 * its form; the token is spent when the password is saved, so a mail scanner that follows links spends nothing.
 */
@Hidden
@PlainText
@Controller
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Secured(SecurityRule.IS_ANONYMOUS)
class OnboardingPages {

    private final Invitations invitations;
    private final PasswordRecovery recovery;
    private final Pages pages;
    private final TrustedProxies proxies;

    OnboardingPages(Invitations invitations, PasswordRecovery recovery, Pages pages, TrustedProxies proxies) {
        this.invitations = invitations;
        this.recovery = recovery;
        this.pages = pages;
        this.proxies = proxies;
    }

    @Get("/password/forgotten")
    HttpResponse<String> forgottenForm(HttpRequest<?> request) {
        return forgottenPage(request, HttpStatus.OK, "", false, null);
    }

    @Post("/password/forgotten")
    MutableHttpResponse<String> forgotten(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.of(body).checked(request);
        String address = form.get("address");
        String source = proxies.resolve(request);
        try {
            Optional<Duration> wait = recovery.ask(address, source == null ? "unknown" : source);
            if (wait.isPresent()) {
                long seconds = OnboardingController.seconds(wait.get());
                return forgottenPage(request, HttpStatus.TOO_MANY_REQUESTS, address, false,
                        Pages.messages(request).get("forgotten.throttled", seconds)).header("Retry-After", String.valueOf(seconds));
            }
            return forgottenPage(request, HttpStatus.OK, "", true, null);
        } catch (InvalidInputException refused) {
            return forgottenPage(request, HttpStatus.UNPROCESSABLE_ENTITY, address, false, FieldErrors.of(refused, request));
        }
    }

    private MutableHttpResponse<String> forgottenPage(HttpRequest<?> request, HttpStatus status, String address, boolean sent,
                                                      @Nullable String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("address", address);
        model.put("sent", sent);
        if (error != null) {
            model.put("error", error);
        }
        return pages.render(request, status, "password-forgotten.ftlh", model);
    }

    @Get("/invitation/{token}")
    HttpResponse<String> invitationForm(HttpRequest<?> request, @PathVariable String token) {
        return choosePage(request, "invitation", token, invitations.invitee(token), Map.of(), HttpStatus.OK);
    }

    @Post("/invitation/{token}")
    MutableHttpResponse<?> accept(HttpRequest<?> request, @PathVariable String token, @Body @Nullable String body) {
        return choose(request, "invitation", token, body, invitations::accept, invitations::invitee, "/signin?welcome");
    }

    @Get("/password/reset/{token}")
    HttpResponse<String> resetForm(HttpRequest<?> request, @PathVariable String token) {
        return choosePage(request, "reset", token, recovery.holder(token), Map.of(), HttpStatus.OK);
    }

    @Post("/password/reset/{token}")
    MutableHttpResponse<?> reset(HttpRequest<?> request, @PathVariable String token, @Body @Nullable String body) {
        return choose(request, "reset", token, body, recovery::reset, recovery::holder, "/signin?reset");
    }

    /** Saves the chosen password with the link's token, or shows the form again with what is wrong. */
    private MutableHttpResponse<?> choose(HttpRequest<?> request, String mode, String token, @Nullable String body,
                                          BiFunction<String, String, String> save, Function<String, Optional<AccountHolder>> holder,
                                          String done) {
        Form form = Form.of(body).checked(request);
        Messages messages = Pages.messages(request);
        if (!form.get("password").equals(form.get("confirmation"))) {
            return choosePage(request, mode, token, holder.apply(token), Map.of("confirmation", messages.get("password.mismatch")),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            String username = save.apply(token, form.get("password"));
            return Pages.redirect(done + "&username=" + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8));
        } catch (InvalidInputException refused) {
            return choosePage(request, mode, token, holder.apply(token), FieldErrors.of(refused, "password", request),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        } catch (NotFoundException spent) {
            return choosePage(request, mode, token, Optional.empty(), Map.of(), HttpStatus.NOT_FOUND);
        }
    }

    private MutableHttpResponse<String> choosePage(HttpRequest<?> request, String mode, String token, Optional<AccountHolder> holder,
                                                   Map<String, String> errors, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("mode", mode);
        model.put("errors", errors);
        if (holder.isEmpty()) {
            return pages.render(request, status == HttpStatus.OK ? HttpStatus.NOT_FOUND : status, "link-invalid.ftlh", model);
        }
        model.put("username", holder.get().username());
        model.put("action", ("invitation".equals(mode) ? "/invitation/" : "/password/reset/") + token);
        return pages.render(request, status, "choose-password.ftlh", model);
    }
}
