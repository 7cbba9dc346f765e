package tw.training.certificate;

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
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.course.CourseService;
import tw.training.enrollment.EnrollmentService;
import tw.training.enrollment.EnrollmentStatus;
import tw.training.enrollment.EnrollmentView;
import tw.training.page.Form;
import tw.training.page.FieldErrors;
import tw.training.page.Pages;
import tw.training.problem.ConflictException;
import tw.training.problem.InvalidInputException;
import tw.training.web.PlainText;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A course's certificates: the completed enrollments ready for one, issuing (administrators), the certificates with
 * their print and verification page, revoking with a reason (administrators), and the certification report.
 */
@Hidden
@PlainText
@Controller("/courses/{id}/certificates")
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured({Roles.TRAINER, Roles.ADMIN})
class CertificatePages {

    private final CertificateService certificates;
    private final EnrollmentService enrollments;
    private final CourseService courses;
    private final CertificatePrint print;
    private final Pages pages;

    CertificatePages(CertificateService certificates, EnrollmentService enrollments, CourseService courses, CertificatePrint print, Pages pages) {
        this.certificates = certificates;
        this.enrollments = enrollments;
        this.courses = courses;
        this.print = print;
        this.pages = pages;
    }

    @Get("{?done}")
    HttpResponse<String> list(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String done, Actor actor) {
        return page(request, HttpStatus.OK, id, done, Map.of(), actor);
    }

    @Post(value = "/issue", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.ADMIN)
    MutableHttpResponse<?> issue(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        long enrollment = form.number("enrollment");
        try {
            requireOfCourse(id, enrollment, actor);
            CertificateView issued = certificates.issue(enrollment, actor);
            return Pages.redirect("/courses/" + id + "/certificates?done=" + encode("issued:" + issued.number()));
        } catch (InvalidInputException | ConflictException refused) {
            return page(request, refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY, id, null,
                    Map.of("enrollment:" + enrollment, FieldErrors.of(refused, request)), actor);
        }
    }

    @Post(value = "/{number}/revocation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.ADMIN)
    MutableHttpResponse<?> revoke(HttpRequest<?> request, @PathVariable long id, @PathVariable String number, @Body @Nullable String body,
                                  Actor actor) {
        Form form = Form.of(body).checked(request);
        try {
            requireOfCourse(id, certificates.get(number, actor).enrollmentId(), actor);
            certificates.revoke(number, form.get("reason"), actor);
            return Pages.redirect("/courses/" + id + "/certificates?done=" + encode("revoked:" + number));
        } catch (InvalidInputException | ConflictException refused) {
            return page(request, refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY, id, null,
                    Map.of("certificate:" + number, FieldErrors.of(refused, request)), actor);
        }
    }

    @Get("/{number}/pdf")
    @Produces(MediaType.ALL)
    HttpResponse<byte[]> pdf(@PathVariable long id, @PathVariable String number, Actor actor) {
        CertificateView certificate = certificates.get(number, actor);
        requireOfCourse(id, certificate.enrollmentId(), actor);
        return CertificatePrint.pdfResponse(print.pdf(certificate), certificate);
    }

    /** The enrollment is one of this course's (a form names both): else, for this course, it does not exist. */
    private void requireOfCourse(long courseId, long enrollmentId, Actor actor) {
        if (enrollments.get(enrollmentId, actor).course().id() != courseId) {
            throw new tw.training.problem.NotFoundException("certificate.enrollment-not-of-course", enrollmentId, courseId);
        }
    }

    private MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, long id, @Nullable String done, Map<String, String> errors,
                                             Actor actor) {
        List<CertificateView> issued = certificates.ofCourse(id, actor);
        Set<Long> certified = issued.stream().filter(c -> c.status() == CertificateStatus.VALID).map(CertificateView::enrollmentId).collect(Collectors.toSet());
        List<EnrollmentView> ready = enrollments.ofCourse(id, actor).stream()
                .filter(e -> e.status() == EnrollmentStatus.COMPLETED && !certified.contains(e.id())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("course", courses.get(id, actor));
        model.put("ready", ready);
        model.put("certificates", issued);
        // what was just done, as the redirect named it; anything else in the address is not ours to print
        model.put("done", done != null && done.matches("(issued|revoked):.{1,60}") ? done : "");
        model.put("errors", errors);
        return pages.render(request, status, "course-certificates.ftlh", model);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
