package tw.training.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.page.CsvLanguage;
import tw.training.printing.Format;
import tw.training.problem.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

/** SPEC §6: the certification report of a course as HTML (the default), CSV, PDF or JSON. */
@Controller
@Tag(name = "reports")
class ReportController {

    private static final String TEXT_CSV = "text/csv";
    private static final String APPLICATION_PDF = "application/pdf";

    private final ReportService reports;
    private final ReportDocuments documents;

    ReportController(ReportService reports, ReportDocuments documents) {
        this.reports = reports;
        this.documents = documents;
    }

    @Get("/api/reports/certification")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    @Produces({MediaType.TEXT_HTML, TEXT_CSV, APPLICATION_PDF, MediaType.APPLICATION_JSON})
    @Operation(summary = "Every enrollment of the course with its progress, completion and certificate; Accept: text/html, text/csv, application/pdf or application/json. CSV: the stable English keys, or with Accept-Language zh-TW or en headers and statuses in words; ?headers=en always gives the keys")
    HttpResponse<?> certification(HttpRequest<?> request, @QueryValue @Nullable Long courseId, @Header(HttpHeaders.ACCEPT) @Nullable String accept, @Parameter(hidden = true) Actor actor) {
        if (courseId == null) {
            throw InvalidInputException.of("courseId", "report.courseid-required");
        }
        CertificationReport report = reports.certification(courseId, actor);
        String name = ReportDocuments.fileName(report);
        return switch (Format.wanted(accept, EnumSet.allOf(Format.class), Format.HTML)) {
            case CSV -> HttpResponse.ok(documents.csv(report, CsvLanguage.ofApi(request)).getBytes(StandardCharsets.UTF_8)).contentType(TEXT_CSV + ";charset=UTF-8")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"");
            case PDF -> HttpResponse.ok(documents.pdf(report)).contentType(APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".pdf\"");
            case JSON -> HttpResponse.ok(report).contentType(MediaType.APPLICATION_JSON_TYPE);
            case HTML -> HttpResponse.ok(documents.html(report)).contentType(MediaType.TEXT_HTML + ";charset=UTF-8");
        };
    }
}
