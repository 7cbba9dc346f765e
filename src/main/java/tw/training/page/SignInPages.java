package tw.training.page;

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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.AccountService;
import tw.training.account.DeviceCookie;
import tw.training.account.Actor;
import tw.training.account.PageSessions;
import tw.training.account.PasswordChange;
import tw.training.problem.InvalidInputException;
import tw.training.web.PlainText;
import tw.training.web.TrustedProxies;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SPEC §10: the landing page, signing in and out, the language switch and changing one's password. Sign-in is
 * {@code POST /login}'s: the same throttling, the same answer whether the user is unknown or the password wrong.
 */
@Hidden
@PlainText
@Controller
// pages answer browsers, whose Accept may name HTML alone (the page's script asks for JSON)
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
class SignInPages {

    private final PageSessions sessions;
    private final AccountService accounts;
    private final Pages pages;
    private final TrustedProxies addresses;
    private final SignInChoices choices;

    SignInPages(PageSessions sessions, AccountService accounts, Pages pages, TrustedProxies addresses, SignInChoices choices) {
        this.choices = choices;
        this.sessions = sessions;
        this.accounts = accounts;
        this.pages = pages;
        this.addresses = addresses;
    }

    @Serdeable
    record SignInForm(@Nullable String username, @Nullable String password, @Nullable String next, @Nullable String _csrf) {
    }

    @Serdeable
    record PasswordForm(@Nullable String currentPassword, @Nullable String newPassword, @Nullable String confirmation,
                        @Nullable String _csrf) {
    }

    @Serdeable
    record LanguageForm(@Nullable String language, @Nullable String next, @Nullable String _csrf) {
    }

    @Get("/")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> landing(HttpRequest<?> request) {
        return pages.render(request, "landing.ftlh", Map.of());
    }

    /** The sign-in form; after a password was chosen from a mailed link, it says so and has the username filled in. */
    @Get("/signin{?next,welcome,reset,username,password}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> signInForm(HttpRequest<?> request, @QueryValue @Nullable String next, @QueryValue @Nullable String welcome,
                                    @QueryValue @Nullable String reset, @QueryValue @Nullable String username,
                                    @QueryValue @Nullable String password) {
        return signInPage(request, HttpStatus.OK, NextPath.safe(next), username, null,
                welcome != null ? "signin.welcome" : reset != null ? "signin.resetDone" : null, password != null);
    }

    @Post("/signin")
    @Secured(SecurityRule.IS_ANONYMOUS)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Body SignInForm form) {
        Csrf.require(request, form._csrf());
        String next = NextPath.safe(form.next());
        String source = addresses.resolve(request);
        PageSessions.Opening opening = sessions.open(form.username(), form.password(), source == null ? "unknown" : source,
                DeviceCookie.read(request));
        if (opening instanceof PageSessions.Opened opened) {
            MutableHttpResponse<?> home = Pages.redirect(next)
                    .cookie(SessionCookie.of(https(request), SessionCookie.SESSION, opened.cookie(), PageSessions.LIFETIME))
                    .cookie(SessionCookie.cleared(https(request), SessionCookie.CSRF));
            opened.device().ifPresent(device -> home.cookie(DeviceCookie.of(device, https(request))));
            return home;
        }
        Messages messages = Pages.messages(request);
        if (opening instanceof PageSessions.Throttled throttled) {
            return signInPage(request, HttpStatus.TOO_MANY_REQUESTS, next, form.username(),
                    messages.get("signin.throttled", Math.max(1, throttled.retryAfter().toSeconds())), null, true)
                    .header("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
        }
        return signInPage(request, HttpStatus.UNAUTHORIZED, next, form.username(), messages.get("signin.refused"), null, true);
    }

    private boolean https(HttpRequest<?> request) {
        return addresses.cameOverHttps(request);
    }

    private MutableHttpResponse<String> signInPage(HttpRequest<?> request, HttpStatus status, String next, @Nullable String username,
                                                   @Nullable String error, @Nullable String notice, boolean passwordAsked) {
        Map<String, Object> model = new HashMap<>();
        model.put("providers", choices.buttons(Pages.messages(request).language().locale, next));
        // a refused password, a welcome or a reset are all about the password form: it shows whatever the setting
        model.put("passwordForm", passwordAsked || notice != null || username != null || choices.passwordForm());
        model.put("next", next);
        model.put("username", username == null ? "" : username);
        model.put("notice", notice == null ? "" : notice);
        if (error != null) {
            model.put("error", error);
        }
        return pages.render(request, status, "signin.ftlh", model);
    }

    @Post("/signout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    MutableHttpResponse<?> signOut(HttpRequest<?> request, @Body Map<String, String> form) {
        Csrf.require(request, form.get(Csrf.FIELD));
        Optional<String> cookie = SessionCookie.read(request, SessionCookie.SESSION);
        // a session opened through a provider: the page after offers to sign out there too
        Optional<String> provider = cookie.flatMap(sessions::provider);
        cookie.ifPresent(sessions::close);
        String after = provider.map(name -> UriBuilder.of("/signedout").queryParam("provider", name).toString()).orElse("/");
        return Pages.redirect(after).cookie(SessionCookie.cleared(https(request), SessionCookie.SESSION));
    }

    @Post("/language")
    @Secured(SecurityRule.IS_ANONYMOUS)
    MutableHttpResponse<?> language(HttpRequest<?> request, @Body LanguageForm form) {
        Csrf.require(request, form._csrf());
        MutableHttpResponse<?> back = Pages.redirect(NextPath.safe(form.next()));
        Language.ofTag(form.language())
                .ifPresent(chosen -> back.cookie(SessionCookie.of(https(request), SessionCookie.LANGUAGE, chosen.tag, Duration.ofDays(365))));
        return back;
    }

    @Get("/account/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<String> passwordForm(HttpRequest<?> request, @QueryValue @Nullable String changed) {
        return pages.render(request, "password.ftlh", Map.of("errors", Map.of(), "changed", changed != null));
    }

    @Post("/account/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    MutableHttpResponse<?> changePassword(HttpRequest<?> request, @Body PasswordForm form, Actor actor) {
        Csrf.require(request, form._csrf());
        Messages messages = Pages.messages(request);
        Map<String, String> errors = new HashMap<>();
        if (form.newPassword() == null || !form.newPassword().equals(form.confirmation())) {
            errors.put("confirmation", messages.get("password.mismatch"));
        } else {
            try {
                int tokenVersion = accounts.changeOwnPassword(actor.userId(), new PasswordChange(form.currentPassword(), form.newPassword()));
                SessionCookie.read(request, SessionCookie.SESSION).ifPresent(kept -> sessions.keep(kept, tokenVersion));
                return Pages.redirect("/account/password?changed");
            } catch (InvalidInputException refused) {
                refused.errors().forEach(error -> errors.put(String.valueOf(error.field()),
                        messages.getOr("password.error." + error.field(), messages.say(error.phrase()))));
            }
        }
        return pages.render(request, HttpStatus.UNPROCESSABLE_ENTITY, "password.ftlh", Map.of("errors", errors, "changed", false));
    }
}
