package tw.training.ims;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.page.Form;
import tw.training.page.Pages;
import tw.training.web.PlainText;

import java.util.HashMap;
import java.util.Map;

/** The administrator's settings page: whether the CASE provider answers without sign-in. */
@Hidden
@PlainText
@Controller("/admin/settings")
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured(Roles.ADMIN)
class CaseAccessPages {

    private final CaseAccess access;
    private final Pages pages;

    CaseAccessPages(CaseAccess access, Pages pages) {
        this.access = access;
        this.pages = pages;
    }

    @Get("{?saved}")
    HttpResponse<String> settings(HttpRequest<?> request, @Nullable @QueryValue String saved) {
        return page(request, HttpStatus.OK, saved != null, null);
    }

    /** {@code caseRead}: {@code anyone}, {@code signed-in}, or {@code configured} (follow the configuration). */
    @Post(value = "/case-public-read", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> change(HttpRequest<?> request, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        Boolean publicRead;
        switch (form.get("caseRead")) {
            case "anyone" -> publicRead = true;
            case "signed-in" -> publicRead = false;
            case "configured" -> publicRead = null;
            default -> {
                return page(request, HttpStatus.UNPROCESSABLE_ENTITY, false, "caseRead");
            }
        }
        access.set(publicRead, actor);
        return Pages.redirect("/admin/settings?saved");
    }

    private MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, boolean saved, @Nullable String fault) {
        CaseAccess.View view = access.view();
        Map<String, Object> model = new HashMap<>();
        model.put("caseRead", view);
        model.put("caseChoice", view.setByAdministrator() == null ? "configured" : view.setByAdministrator() ? "anyone" : "signed-in");
        model.put("saved", saved);
        model.put("fault", fault == null ? "" : fault);
        return pages.render(request, status, "settings.ftlh", model);
    }
}
