package tw.training.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.AccountService;
import tw.training.account.Actor;
import tw.training.web.TextUpload;
import tw.training.account.Roles;
import tw.training.course.CourseService;
import tw.training.page.MultipartForm;
import tw.training.page.Form;
import tw.training.page.FieldErrors;
import tw.training.page.Pages;
import tw.training.problem.ConflictException;
import tw.training.problem.InvalidInputException;
import tw.training.problem.PayloadTooLargeException;
import tw.training.web.PlainText;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A course's learners for its trainers: who is enrolled, enrolling one learner found by name or username, and a
 * roster (CSV) enrolled at once with what became of each row.
 */
@Hidden
@PlainText
@Controller("/courses/{id}/enrollments")
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured({Roles.TRAINER, Roles.ADMIN})
class EnrollmentPages {

    /** Learners a search shows at most: enough to pick from, never the whole school. */
    private static final int FOUND = 20;

    private final EnrollmentService enrollments;
    private final BulkEnrollment bulk;
    private final CourseService courses;
    private final AccountService accounts;
    private final Pages pages;

    EnrollmentPages(EnrollmentService enrollments, BulkEnrollment bulk, CourseService courses, AccountService accounts, Pages pages) {
        this.enrollments = enrollments;
        this.bulk = bulk;
        this.courses = courses;
        this.accounts = accounts;
        this.pages = pages;
    }

    /** A learner as a trainer picking one sees them: name and username, nothing more. */
    public record Learner(String username, String displayName) {
    }

    @Get("{?q,enrolled}")
    HttpResponse<String> list(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String q, @Nullable @QueryValue String enrolled,
                              Actor actor) {
        return page(request, HttpStatus.OK, id, q, enrolled, Map.of(), null, actor);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> enroll(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        try {
            EnrollmentView enrollment = enrollments.enroll(id, form.get("username"), actor);
            return Pages.redirect("/courses/" + id + "/enrollments?enrolled=" + enrollment.learner().username());
        } catch (InvalidInputException | ConflictException refused) {
            return page(request, refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY, id, form.get("q"), null,
                    Map.of("username", FieldErrors.of(refused, request)), null, actor);
        }
    }

    /** The roster form ({@link MultipartForm}: its CSRF token first), then the file, read as the API reads one (UTF-8 or Big5, bounded). */
    @Post(value = "/roster", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> roster(HttpRequest<?> request, @PathVariable long id, Actor actor) throws IOException {
        AtomicReference<String> csv = new AtomicReference<>();
        try {
            MultipartForm.read(request, part -> {
                if (part.name().equals("file") && csv.get() == null) {
                    csv.set(TextUpload.decode(TextUpload.bounded(part.content(), "the roster"), TextUpload.charsetOf(part.contentType())));
                }
            });
        } catch (InvalidInputException | PayloadTooLargeException refused) {
            return page(request, refused instanceof PayloadTooLargeException ? HttpStatus.REQUEST_ENTITY_TOO_LARGE : HttpStatus.UNPROCESSABLE_ENTITY,
                    id, null, null, Map.of("file", FieldErrors.of(refused, request)), null, actor);
        }
        if (csv.get() == null) {
            return page(request, HttpStatus.UNPROCESSABLE_ENTITY, id, null, null, Map.of("file", "send the roster as the part 'file'"), null, actor);
        }
        try {
            return page(request, HttpStatus.OK, id, null, null, Map.of(), bulk.enroll(id, csv.get(), actor), actor);
        } catch (InvalidInputException | ConflictException refused) {
            return page(request, HttpStatus.UNPROCESSABLE_ENTITY, id, null, null, Map.of("file", FieldErrors.of(refused, request)), null, actor);
        }
    }

    private MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, long id, @Nullable String q, @Nullable String enrolled,
                                             Map<String, String> errors, @Nullable BulkReport report, Actor actor) {
        Map<String, Object> model = new HashMap<>();
        model.put("course", courses.get(id, actor));
        model.put("enrollments", enrollments.ofCourse(id, actor));
        String query = q == null ? "" : q.strip();
        model.put("q", query);
        model.put("found", query.isEmpty() ? List.of() : accounts.search(query, Roles.LEARNER, true, FOUND, 0).stream()
                .map(user -> new Learner(user.username(), user.displayName())).toList());
        model.put("enrolled", enrolled == null ? "" : enrolled);
        model.put("errors", errors);
        if (report != null) {
            model.put("report", report);
        }
        return pages.render(request, status, "enrollments.ftlh", model);
    }
}
