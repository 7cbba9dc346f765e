package tw.training.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.page.CsvLanguage;
import tw.training.printing.Format;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

/** SPEC §5: progress of an enrollment and of a course (JSON, or CSV for spreadsheets). */
@Controller
@Tag(name = "progress")
class ProgressController {

    private static final String CSV = "text/csv";

    private final ProgressService progress;

    ProgressController(ProgressService progress) {
        this.progress = progress;
    }

    @Get("/api/enrollments/{id}/progress")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Every indicator of the enrollment's plan: required and satisfied methods, the evidence and judgement behind each, what is missing")
    ProgressView enrollment(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return progress.enrollment(id, actor);
    }

    @Get("/api/courses/{id}/progress")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "The cohort: one row per enrollment with its summary and met indicators; Accept: text/csv for a spreadsheet (headers and statuses in the words of Accept-Language zh-TW or en; the stable English keys without one, or with ?headers=en)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CourseProgress.class)))
    HttpResponse<?> course(HttpRequest<?> request, @PathVariable long id, @Header(HttpHeaders.ACCEPT) @Nullable String accept,
                           @Parameter(hidden = true) Actor actor) {
        if (Format.wanted(accept, EnumSet.of(Format.JSON, Format.CSV), Format.JSON) == Format.CSV) {
            CourseProgress cohort = progress.course(id, actor);
            return HttpResponse.ok(ProgressCsv.of(cohort, CsvLanguage.ofApi(request)).getBytes(StandardCharsets.UTF_8))
                    .contentType(CSV + ";charset=UTF-8")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"progress-" + cohort.code().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"");
        }
        return HttpResponse.ok(progress.courseJson(id, actor)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
