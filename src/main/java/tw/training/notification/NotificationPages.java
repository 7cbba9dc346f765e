package tw.training.notification;

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
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.AccountHolder;
import tw.training.account.AccountService;
import tw.training.account.Actor;
import tw.training.page.FieldErrors;
import tw.training.page.Form;
import tw.training.page.Pages;
import tw.training.problem.InvalidInputException;
import tw.training.web.PlainText;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of notifications: the user's list (each marked read when opened), their choices per kind, and the page a
 * mailed unsubscribe link opens (no sign-in; the link's signature is the proof).
 */
@Hidden
@PlainText
@Controller
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
class NotificationPages {

    private static final int PAGE = 50;

    private final Notifications notifications;
    private final Pages pages;
    private final AccountService accounts;
    private final JudgementNotices judgements;

    NotificationPages(Notifications notifications, Pages pages, AccountService accounts, JudgementNotices judgements) {
        this.notifications = notifications;
        this.judgements = judgements;
        this.pages = pages;
        this.accounts = accounts;
    }

    @Get("/notifications{?before}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<String> list(HttpRequest<?> request, @Nullable @QueryValue Long before, Actor actor) {
        // what was just judged is told before the list is read
        judgements.catchUp();
        List<Notifications.Shown> shown = notifications.newest(actor, before, PAGE + 1);
        Map<String, Object> model = new HashMap<>();
        model.put("notifications", shown.subList(0, Math.min(PAGE, shown.size())));
        model.put("next", shown.size() > PAGE ? shown.get(PAGE - 1).id() : null);
        return pages.render(request, "notifications.ftlh", model);
    }

    /** Opening one: it is read, and the page it concerns follows. */
    @Get("/notifications/{id}/open")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    MutableHttpResponse<?> open(@PathVariable long id, Actor actor) {
        String link = notifications.open(id, actor).link();
        // links are this server's own paths; anything else goes to the list
        return Pages.redirect(link.startsWith("/") && !link.startsWith("//") ? link : "/notifications");
    }

    @Post(value = "/notifications/read", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    MutableHttpResponse<?> readAll(HttpRequest<?> request, @Body @Nullable String body, Actor actor) {
        Form.of(body).checked(request);
        notifications.readAll(actor);
        return Pages.redirect("/notifications");
    }

    @Get("/account/notifications{?saved}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<String> choices(HttpRequest<?> request, @Nullable @QueryValue String saved, Actor actor) {
        return choicesPage(request, HttpStatus.OK, actor, saved != null, Map.of());
    }

    @Post(value = "/account/notifications", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    MutableHttpResponse<?> choose(HttpRequest<?> request, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        Map<String, String> wanted = new LinkedHashMap<>();
        notifications.choices(actor).keySet().forEach(kind -> {
            if (!form.get(kind.name()).isEmpty()) {
                wanted.put(kind.name(), form.get(kind.name()));
            }
        });
        try {
            String language = form.get("language");
            if (!language.isEmpty() && !AccountService.LANGUAGES.contains(language)) {
                // checked before anything is saved: a refused form changes nothing
                throw InvalidInputException.of("language", "account.language-must-one", AccountService.LANGUAGES);
            }
            notifications.choose(actor, wanted);
            if (!language.isEmpty()) {
                accounts.setLanguage(actor.userId(), language);
            }
            return Pages.redirect("/account/notifications?saved");
        } catch (InvalidInputException refused) {
            return choicesPage(request, HttpStatus.UNPROCESSABLE_ENTITY, actor, false, FieldErrors.of(refused, "EVIDENCE_JUDGED", request));
        }
    }

    private MutableHttpResponse<String> choicesPage(HttpRequest<?> request, HttpStatus status, Actor actor, boolean saved, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("choices", notifications.choices(actor));
        model.put("languages", AccountService.LANGUAGES);
        model.put("mailLanguage", accounts.holder(actor.userId()).map(AccountHolder::language).orElse(AccountService.LANGUAGES.get(0)));
        model.put("saved", saved);
        model.put("errors", errors);
        return pages.render(request, status, "notification-choices.ftlh", model);
    }

    /** What a mailed unsubscribe link opens: a page with the one button that stops the kind (a GET changes nothing). */
    @Get("/notifications/unsubscribe/{userId}/{kind}/{signature}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> unsubscribeForm(HttpRequest<?> request, @PathVariable long userId, @PathVariable String kind, @PathVariable String signature) {
        boolean valid = notifications.validUnsubscribe(userId, kind, signature);
        return unsubscribePage(request, valid ? HttpStatus.OK : HttpStatus.NOT_FOUND, kind, false, valid);
    }

    /**
     * Stops the kind: the page's button, or a mail client's one-click POST ({@code List-Unsubscribe=One-Click}, RFC 8058),
     * which carries no CSRF token: the signature in the address is what proves the link was mailed to this user.
     */
    @Post(value = "/notifications/unsubscribe/{userId}/{kind}/{signature}",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN})
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> unsubscribe(HttpRequest<?> request, @PathVariable long userId, @PathVariable String kind, @PathVariable String signature) {
        boolean done = notifications.unsubscribe(userId, kind, signature);
        return unsubscribePage(request, done ? HttpStatus.OK : HttpStatus.NOT_FOUND, kind, done, done);
    }

    private MutableHttpResponse<String> unsubscribePage(HttpRequest<?> request, HttpStatus status, String kind, boolean done, boolean valid) {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", valid ? kind : "");
        model.put("done", done);
        model.put("valid", valid);
        model.put("action", request.getPath());
        return pages.render(request, status, "unsubscribe.ftlh", model);
    }
}
