package tw.training.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.web.TextUpload;
import tw.training.account.Roles;
import tw.training.course.CourseView;
import tw.training.web.PlainText;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** SPEC §4: enrollments. */
@PlainText
@Controller
@Tag(name = "enrollments")
class EnrollmentController {

    private final EnrollmentService enrollments;
    private final BulkEnrollment bulk;

    EnrollmentController(EnrollmentService enrollments, BulkEnrollment bulk) {
        this.enrollments = enrollments;
        this.bulk = bulk;
    }

    /** The body of a single enrollment. */
    @Serdeable
    record EnrollRequest(@Nullable String username) {
    }

    @Post("/api/courses/{id}/enrollments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured({Roles.TRAINER, Roles.ADMIN})
    @Operation(summary = "Enroll a learner in a published course, on its current revision")
    @Status(HttpStatus.CREATED)
    HttpResponse<EnrollmentView> enroll(@PathVariable long id, @Body EnrollRequest request, @Parameter(hidden = true) Actor actor) {
        EnrollmentView enrollment = enrollments.enroll(id, request.username(), actor);
        return HttpResponse.created(enrollment, URI.create("/api/enrollments/" + enrollment.id()));
    }

    @Post("/api/courses/{id}/enrollments/bulk")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.MULTIPART_FORM_DATA})
    @Secured({Roles.TRAINER, Roles.ADMIN})
    @Operation(summary = "Enroll a CSV of usernames (UTF-8 or Big5; as the body or the part 'file' of a form); answers what happened to each row")
    BulkReport enrollAll(@PathVariable long id, HttpRequest<?> request, @Parameter(hidden = true) Actor actor) throws IOException {
        return bulk.enroll(id, TextUpload.read(request, "the roster"), actor);
    }

    @Get("/api/courses/{id}/enrollments")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    List<EnrollmentView> ofCourse(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return enrollments.ofCourse(id, actor);
    }

    @Get("/api/enrollments/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    EnrollmentView get(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return enrollments.get(id, actor);
    }

    @Get("/api/enrollments/{id}/course")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The course as the enrollment joined it: description, modules and the plan it is assessed against")
    CourseView course(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return enrollments.course(id, actor);
    }

    @Post("/api/enrollments/{id}/withdrawal")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    EnrollmentView withdraw(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return enrollments.withdraw(id, actor);
    }

    @Get("/api/me/enrollments")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The signed-in learner's own enrollments")
    List<EnrollmentView> mine(@Parameter(hidden = true) Actor actor) {
        return enrollments.mine(actor);
    }
}
