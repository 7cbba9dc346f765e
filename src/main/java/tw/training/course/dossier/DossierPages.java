package tw.training.course.dossier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import tw.training.page.Pages;
import tw.training.web.PlainText;

import java.util.List;
import java.util.Map;

/** The course builder's coverage view, and the accreditation dossier (the API's HTML page) opened with the page session. */
@Hidden
@PlainText
@Controller("/courses/{id}")
@Secured({Roles.TRAINER, Roles.ADMIN})
class DossierPages {

    private final DossierService dossiers;
    private final Pages pages;

    DossierPages(DossierService dossiers, Pages pages) {
        this.dossiers = dossiers;
        this.pages = pages;
    }

    /** A line of the coverage page: an indicator and the methods that assess it (enum-keyed maps do not reach templates). */
    public record Assessed(String method, List<String> indicators) {
    }

    /** What the plan covers of each aligned document (K, S, A, tasks, indicators) and what has no method yet. */
    @Get("/coverage{?revision}")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<String> coverage(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue Integer revision, Actor actor) {
        Coverage coverage = dossiers.coverage(id, revision, actor);
        List<Assessed> byMethod = coverage.indicatorsByMethod().entrySet().stream()
                .map(entry -> new Assessed(entry.getKey().name(), entry.getValue())).toList();
        return pages.render(request, "coverage.ftlh", Map.of("coverage", coverage, "byMethod", byMethod, "courseId", id));
    }

    @Get("/dossier{?revision}")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<String> dossier(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue Integer revision, Actor actor) {
        return pages.render(request, "dossier.ftlh", Map.of("dossier", dossiers.dossier(id, revision, actor)));
    }
}
