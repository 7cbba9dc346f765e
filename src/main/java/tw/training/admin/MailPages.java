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
import tw.training.account.Roles;
import tw.training.mail.MailMessage;
import tw.training.mail.MailState;
import tw.training.mail.Outbox;
import tw.training.page.FieldErrors;
import tw.training.page.Form;
import tw.training.page.Pages;
import tw.training.problem.ConflictException;
import tw.training.web.PlainText;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mail outbox for administrators: what waits, what went, what the server refused, each message readable whole. With
 * mail off (the embedded default) this is where messages are read, to be passed on by hand; a refused one can be tried
 * again once its address or the server's settings are put right.
 */
@Hidden
@PlainText
@Controller("/admin/mail")
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured(Roles.ADMIN)
class MailPages {

    private static final int PAGE = 50;

    private final Outbox outbox;
    private final Pages pages;

    MailPages(Outbox outbox, Pages pages) {
        this.outbox = outbox;
        this.pages = pages;
    }

    @Get("{?state,before}")
    HttpResponse<String> list(HttpRequest<?> request, @Nullable @QueryValue String state, @Nullable @QueryValue Long before) {
        String chosen = Arrays.stream(MailState.values()).map(Enum::name).filter(name -> name.equals(state)).findFirst().orElse(null);
        List<MailMessage> messages = outbox.newest(chosen, before, PAGE + 1);
        Map<String, Object> model = new HashMap<>();
        model.put("messages", messages.subList(0, Math.min(PAGE, messages.size())));
        model.put("next", messages.size() > PAGE ? messages.get(PAGE - 1).id() : null);
        model.put("state", chosen == null ? "" : chosen);
        model.put("states", MailState.values());
        model.put("sending", outbox.sending());
        model.put("waiting", outbox.waiting());
        model.put("refused", outbox.refused());
        return pages.render(request, "mail-outbox.ftlh", model);
    }

    @Get("/{id}")
    HttpResponse<String> message(HttpRequest<?> request, @PathVariable long id) {
        return messagePage(request, HttpStatus.OK, outbox.get(id), null);
    }

    @Post(value = "/{id}/retry", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> retry(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body) {
        Form.of(body).checked(request);
        try {
            outbox.retry(id);
            return Pages.redirect("/admin/mail/" + id);
        } catch (ConflictException refused) {
            return messagePage(request, HttpStatus.CONFLICT, outbox.get(id), FieldErrors.of(refused, request));
        }
    }

    private MutableHttpResponse<String> messagePage(HttpRequest<?> request, HttpStatus status, MailMessage message, @Nullable String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("message", message);
        model.put("sending", outbox.sending());
        if (error != null) {
            model.put("error", error);
        }
        return pages.render(request, status, "mail-message.ftlh", model);
    }
}
