package tw.training.course.dossier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.printing.Format;
import tw.training.printing.Pdf;
import tw.training.web.Templates;

import java.util.EnumSet;
import java.util.Map;

/** A course's coverage, and its accreditation dossier as JSON or as an HTML page. */
@Controller("/api/courses/{id}")
@Secured({Roles.TRAINER, Roles.ADMIN})
@Tag(name = "courses")
class DossierController {

    private static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final String APPLICATION_PDF = "application/pdf";

    private final DossierService dossiers;
    private final Templates templates;
    private final Pdf pdf;

    DossierController(DossierService dossiers, Templates templates, Pdf pdf) {
        this.dossiers = dossiers;
        this.templates = templates;
        this.pdf = pdf;
    }

    @Get("/coverage")
    @Operation(summary = "Which K, S and A of each aligned document the course covers, which indicators each method assesses, what is not covered")
    Coverage coverage(@PathVariable long id, @QueryValue @Nullable Integer revision, @Parameter(hidden = true) Actor actor) {
        return dossiers.coverage(id, revision, actor);
    }

    @Get("/dossier")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, APPLICATION_PDF})
    @Operation(summary = "The accreditation dossier (iCAP competency-based course table); Accept: text/html for the page, application/pdf to print it")
    HttpResponse<?> dossier(@PathVariable long id, @QueryValue @Nullable Integer revision,
                            @Header(HttpHeaders.ACCEPT) @Nullable String accept, @Parameter(hidden = true) Actor actor) {
        Dossier dossier = dossiers.dossier(id, revision, actor);
        return switch (Format.wanted(accept, EnumSet.of(Format.JSON, Format.HTML, Format.PDF), Format.JSON)) {
            case HTML -> HttpResponse.ok(templates.render("dossier.ftlh", Map.of("dossier", dossier, "screen", true))).contentType(HTML_UTF8);
            // for accreditation bodies, who file it as a document
            case PDF -> HttpResponse.ok(pdf.print(templates.render("dossier.ftlh", Map.of("dossier", dossier)))).contentType(APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"dossier-" + dossier.course().code().replaceAll("[^A-Za-z0-9._-]", "_")
                            + ".pdf\"");
            default -> HttpResponse.ok(dossier).contentType(MediaType.APPLICATION_JSON_TYPE);
        };
    }
}
