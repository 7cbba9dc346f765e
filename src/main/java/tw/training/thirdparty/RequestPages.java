package tw.training.thirdparty;

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
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.Actor;
import tw.training.account.AccountService;
import tw.training.course.CourseService;
import tw.training.database.Sql;
import tw.training.enrollment.EnrollmentService;
import tw.training.enrollment.EnrollmentView;
import tw.training.page.FieldErrors;
import tw.training.page.Form;
import tw.training.page.Pages;
import tw.training.problem.InvalidInputException;
import tw.training.secret.CookieTokens;
import tw.training.web.PlainText;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An enrollment's third-party reports as its learner and the course's trainers see them: the form that asks someone
 * for one (its one-time key: sent twice, it asks and mails once), each request's state, and beside each signed report
 * its risk flags and, for the assessors, the record of how it was verified.
 */
@Hidden
@PlainText
@Controller
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured(SecurityRule.IS_AUTHENTICATED)
class RequestPages {

    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    private final ReportRequests requests;
    private final EnrollmentService enrollments;
    private final CourseService courses;
    private final Pages pages;
    private final Clock clock;

    RequestPages(ReportRequests requests, EnrollmentService enrollments, CourseService courses, Pages pages, Clock clock) {
        this.clock = clock;
        this.requests = requests;
        this.enrollments = enrollments;
        this.courses = courses;
        this.pages = pages;
    }

    @Get("/enrollments/{id}/third-party{?asked,verified}")
    HttpResponse<String> list(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String asked,
                              @Nullable @QueryValue String verified, Actor actor) {
        return page(request, HttpStatus.OK, id, asked != null, verified != null, Map.of(), Map.of(), actor);
    }

    @Post(value = "/enrollments/{id}/third-party", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> ask(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        ReportRequests.RequestBody asked = new ReportRequests.RequestBody(form.get("name"), form.get("email"), form.get("organisation"),
                form.get("position"), form.get("relationship"), form.get("language"), form.all("indicators"), form.get("submissionKey"));
        try {
            try {
                requests.request(id, asked, actor);
            } catch (RuntimeException e) {
                // the same form twice at once: the second finds the first's request once it committed
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
            }
            return Pages.redirect("/enrollments/" + id + "/third-party?asked");
        } catch (InvalidInputException refused) {
            return page(request, HttpStatus.UNPROCESSABLE_ENTITY, id, false, false, FieldErrors.of(refused, "form", request), form.sent(), actor);
        }
    }

    @Post(value = "/third-party-requests/{id}/verification", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> verify(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        long enrollmentId = requests.enrollmentOf(id, actor);
        try {
            requests.verify(id, new ReportRequests.VerificationBody(form.get("method"), form.get("date")), actor);
            return Pages.redirect("/enrollments/" + enrollmentId + "/third-party?verified#request-" + id);
        } catch (InvalidInputException refused) {
            // beside the one request's form, with what was chosen kept
            String prefix = "verification-" + id + "-";
            return page(request, HttpStatus.UNPROCESSABLE_ENTITY, enrollmentId, false, false, FieldErrors.prefixed(prefix, FieldErrors.of(refused,
                    "form", request)), FieldErrors.prefixed(prefix, form.sent()), actor);
        }
    }

    private MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, long id, boolean asked, boolean verified,
                                             Map<String, String> errors, Map<String, List<String>> sent, Actor actor) {
        EnrollmentView enrollment = enrollments.get(id, actor);
        Map<String, Object> model = new HashMap<>();
        model.put("enrollment", enrollment);
        model.put("requests", requests.of(id, actor));
        model.put("askable", requests.askable(id, actor));
        model.put("assessor", courses.trains(enrollment.course().id(), actor));
        model.put("asked", asked);
        model.put("verified", verified);
        model.put("errors", errors);
        model.put("sent", sent);
        model.put("languages", AccountService.LANGUAGES);
        model.put("verifications", ReportRequests.VERIFICATIONS);
        model.put("today", LocalDate.now(clock.withZone(TAIPEI)).toString());
        model.put("submissionKey", CookieTokens.fresh());
        return pages.render(request, status, "third-party-requests.ftlh", model);
    }
}
