package tw.training.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import tw.training.printing.Csv;
import tw.training.printing.Format;
import tw.training.printing.Pdf;
import tw.training.problem.InvalidInputException;
import tw.training.web.Templates;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SPEC §6: the certification report of a course as HTML (the default), CSV, PDF or JSON. */
@Controller
@Tag(name = "reports")
class ReportController {

    private static final String TEXT_CSV = "text/csv";
    private static final String APPLICATION_PDF = "application/pdf";

    private final ReportService reports;
    private final Templates templates;
    private final Pdf pdf;

    ReportController(ReportService reports, Templates templates, Pdf pdf) {
        this.reports = reports;
        this.templates = templates;
        this.pdf = pdf;
    }

    @Get("/api/reports/certification")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    @Produces({MediaType.TEXT_HTML, TEXT_CSV, APPLICATION_PDF, MediaType.APPLICATION_JSON})
    @Operation(summary = "Every enrollment of the course with its progress, completion and certificate; Accept: text/html, text/csv, application/pdf or application/json")
    HttpResponse<?> certification(@QueryValue @Nullable Long courseId, @Header(HttpHeaders.ACCEPT) @Nullable String accept, @Parameter(hidden = true) Actor actor) {
        if (courseId == null) {
            throw InvalidInputException.of("courseId", "courseId is required");
        }
        CertificationReport report = reports.certification(courseId, actor);
        String name = "certification-" + report.course().code().replaceAll("[^A-Za-z0-9._-]", "_");
        return switch (Format.wanted(accept, EnumSet.allOf(Format.class), Format.HTML)) {
            case CSV -> HttpResponse.ok(csv(report).getBytes(StandardCharsets.UTF_8)).contentType(TEXT_CSV + ";charset=UTF-8")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"");
            case PDF -> HttpResponse.ok(pdf.print(page(report))).contentType(APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".pdf\"");
            case JSON -> HttpResponse.ok(report).contentType(MediaType.APPLICATION_JSON_TYPE);
            case HTML -> HttpResponse.ok(page(report)).contentType(MediaType.TEXT_HTML + ";charset=UTF-8");
        };
    }

    private String page(CertificationReport report) {
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("completionChart", ReportCharts.completion(report.enrollments()));
        model.put("heatMap", ReportCharts.heatMap(report.enrollments(), report.indicators().stream().map(CertificationReport.IndicatorCount::id).toList()));
        model.put("learnersPerRow", ReportCharts.learnersPerRow(report.enrollments().size()));
        return templates.render("certification-report.ftlh", model);
    }

    private static String csv(CertificationReport report) {
        Csv csv = new Csv(List.of("enrollmentId", "username", "displayName", "status", "indicatorsMet", "indicatorsTotal", "percent",
                "complete", "completedAt", "certificateNumber", "certificateStatus"));
        for (CertificationReport.Line line : report.enrollments()) {
            csv.line(List.of(String.valueOf(line.enrollmentId()), line.username(), line.displayName(), line.status().name(),
                    String.valueOf(line.indicatorsMet()), String.valueOf(line.indicatorsTotal()), String.valueOf(line.percent()),
                    String.valueOf(line.complete()), line.completedAt() == null ? "" : line.completedAt().toString(),
                    line.certificateNumber() == null ? "" : line.certificateNumber(),
                    line.certificateStatus() == null ? "" : line.certificateStatus().name()));
        }
        return csv.toString();
    }
}
