package tw.training.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import tw.training.page.CsvLanguage;
import tw.training.page.Messages;
import tw.training.page.Pages;
import tw.training.web.PlainText;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/** The cohort's progress in the site's layout, and the certification report opened from the pages (the page session, not a token). */
@Hidden
@PlainText
@Controller("/courses/{id}")
@Secured({Roles.TRAINER, Roles.ADMIN})
class ReportPages {

    private final ReportService reports;
    private final ReportDocuments documents;
    private final Pages pages;

    ReportPages(ReportService reports, ReportDocuments documents, Pages pages) {
        this.reports = reports;
        this.documents = documents;
        this.pages = pages;
    }

    @Get("/report")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<String> page(HttpRequest<?> request, @PathVariable long id, Actor actor) {
        return pages.render(request, "certification-report.ftlh", documents.model(reports.certification(id, actor)));
    }

    /** How the cohort table may be ordered. */
    enum Order { NAME, PROGRESS, STATUS }

    /**
     * The cohort in the site's layout: the learners x indicators heat map the report draws, and a table of each
     * learner's summary, ordered as asked; the CSV is the report's.
     */
    @Get("/progress{?order}")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<String> cohort(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String order, Actor actor) {
        CertificationReport report = reports.certification(id, actor);
        Order chosen = java.util.Arrays.stream(Order.values()).filter(o -> o.name().equalsIgnoreCase(order)).findFirst().orElse(Order.PROGRESS);
        Comparator<CertificationReport.Line> byName = Comparator.comparing(CertificationReport.Line::username);
        Comparator<CertificationReport.Line> sort = switch (chosen) {
            case NAME -> byName;
            case STATUS -> Comparator.comparing((CertificationReport.Line line) -> line.status().name()).thenComparing(byName);
            case PROGRESS -> Comparator.comparingInt(CertificationReport.Line::percent).reversed().thenComparing(byName);
        };
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("lines", report.enrollments().stream().sorted(sort).toList());
        Messages words = Pages.messages(request);
        model.put("heatMaps", ReportDocuments.heatMap(report, new HeatMap.Words(words.get("heatMap.met"), words.get("heatMap.notYet"),
                words.get("heatMap.awaiting"), words.get("heatMap.nothing"), words.get("heatMap.shareMet"))));
        model.put("order", chosen.name());
        return pages.render(request, "cohort.ftlh", model);
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
    HttpResponse<byte[]> csv(HttpRequest<?> request, @PathVariable long id, Actor actor) {
        CertificationReport report = reports.certification(id, actor);
        return HttpResponse.ok(documents.csv(report, CsvLanguage.ofPage(request)).getBytes(StandardCharsets.UTF_8)).contentType("text/csv;charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ReportDocuments.fileName(report) + ".csv\"");
    }
}
