package tw.training.report;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.web.PlainText;

import java.nio.charset.StandardCharsets;

/** The certification report opened from the pages (the page session, not a token): the page, its PDF and its CSV. */
@Hidden
@PlainText
@Controller("/courses/{id}")
@Secured({Roles.TRAINER, Roles.ADMIN})
class ReportPages {

    private final ReportService reports;
    private final ReportDocuments documents;

    ReportPages(ReportService reports, ReportDocuments documents) {
        this.reports = reports;
        this.documents = documents;
    }

    @Get("/report")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<String> page(@PathVariable long id, Actor actor) {
        return HttpResponse.ok(documents.html(reports.certification(id, actor))).contentType(MediaType.TEXT_HTML + ";charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get("/report.pdf")
    @Produces(MediaType.ALL)
    HttpResponse<byte[]> pdf(@PathVariable long id, Actor actor) {
        CertificationReport report = reports.certification(id, actor);
        return HttpResponse.ok(documents.pdf(report)).contentType("application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + ReportDocuments.fileName(report) + ".pdf\"");
    }

    @Get("/report.csv")
    @Produces(MediaType.ALL)
    HttpResponse<byte[]> csv(@PathVariable long id, Actor actor) {
        CertificationReport report = reports.certification(id, actor);
        return HttpResponse.ok(documents.csv(report).getBytes(StandardCharsets.UTF_8)).contentType("text/csv;charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ReportDocuments.fileName(report) + ".csv\"");
    }
}
