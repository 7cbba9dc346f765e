package tw.training.course.dossier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.web.PlainText;
import tw.training.web.Templates;

import java.util.Map;

/** The accreditation dossier for the course builder's link: the API's HTML page, opened with the page session. */
@Hidden
@PlainText
@Controller("/courses/{id}")
@Secured({Roles.TRAINER, Roles.ADMIN})
class DossierPages {

    private final DossierService dossiers;
    private final Templates templates;

    DossierPages(DossierService dossiers, Templates templates) {
        this.dossiers = dossiers;
        this.templates = templates;
    }

    @Get("/dossier{?revision}")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<String> dossier(@PathVariable long id, @Nullable @QueryValue Integer revision, Actor actor) {
        return HttpResponse.ok(templates.render("dossier.ftlh", Map.of("dossier", dossiers.dossier(id, revision, actor), "screen", true)))
                .contentType(MediaType.TEXT_HTML + ";charset=UTF-8").header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
