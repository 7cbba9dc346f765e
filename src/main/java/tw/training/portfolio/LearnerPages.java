package tw.training.portfolio;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.course.AssessmentMethod;
import tw.training.course.CourseService;
import tw.training.certificate.CertificatePrint;
import tw.training.certificate.CertificateService;
import tw.training.certificate.CertificateView;
import tw.training.transparency.TransparencyLog;
import tw.training.enrollment.EnrollmentService;
import tw.training.enrollment.EnrollmentView;
import tw.training.learning.ActivityService;
import tw.training.page.Pages;
import tw.training.progress.ProgressService;
import tw.training.progress.ProgressView;
import tw.training.writtentest.TestService;

import java.util.List;
import java.util.Map;

/** The learner's home (enrollments with progress), a course as the plan to meet with its materials and tests, and their certificates. */
@Hidden
@Controller
// pages answer browsers, whose Accept may name HTML alone (the page's script asks for JSON)
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured(SecurityRule.IS_AUTHENTICATED)
class LearnerPages {

    private final EnrollmentService enrollments;
    private final ProgressService progress;
    private final CoursePlans plans;
    private final CertificateService certificates;
    private final CertificatePrint print;
    private final Pages pages;
    private final ActivityService activity;
    private final TestService tests;
    private final CourseService courses;
    private final TransparencyLog log;

    LearnerPages(EnrollmentService enrollments, ProgressService progress, CoursePlans plans, CertificateService certificates,
                 CertificatePrint print, Pages pages, ActivityService activity, TestService tests, CourseService courses, TransparencyLog log) {
        this.log = log;
        this.enrollments = enrollments;
        this.progress = progress;
        this.plans = plans;
        this.certificates = certificates;
        this.print = print;
        this.pages = pages;
        this.activity = activity;
        this.tests = tests;
        this.courses = courses;
    }

    /** An enrollment on the home page: its course, status and how many indicators are met. */
    public record Enrolled(EnrollmentView enrollment, ProgressView.Summary summary) {
    }

    @Get("/home")
    HttpResponse<?> home(HttpRequest<?> request, Actor actor) {
        if (!actor.has(Roles.LEARNER) && actor.isAdmin()) {
            // the home of one who runs the place: the overview of accounts and certificates to issue
            return Pages.redirect("/admin");
        }
        if (!actor.has(Roles.LEARNER) && actor.has(Roles.TRAINER)) {
            // the home of one who teaches, not learns: their courses
            return Pages.redirect("/courses");
        }
        List<EnrollmentView> mine = enrollments.mine(actor);
        // read after the enrollments, so every one of them has its summary (one read for all, not one per enrollment)
        Map<Long, ProgressView.Summary> summaries = progress.mine(actor);
        List<Enrolled> enrolled = mine.stream()
                .map(enrollment -> new Enrolled(enrollment, summaries.getOrDefault(enrollment.id(), ProgressView.Summary.of(0, 0)))).toList();
        return pages.render(request, "home.ftlh", Map.of("enrolled", enrolled));
    }

    @Get("/enrollments/{id}")
    HttpResponse<String> course(HttpRequest<?> request, @PathVariable long id, Actor actor) {
        CoursePlan plan = plans.of(id, actor);
        // beside the plan, what there is to study and the written tests to take (for the learner; a trainer sees them elsewhere)
        boolean own = plan.enrollment().learner().username().equals(actor.username());
        return pages.render(request, "course.ftlh", Map.of("plan", plan, "enrollment", plan.enrollment(), "methods", AssessmentMethod.values(),
                "about", courses.about(plan.enrollment().course().id()),
                "study", activity.ofEnrollment(id, actor), "tests", own ? tests.list(plan.enrollment().course().id(), actor) : List.of()));
    }

    @Get("/certificates")
    HttpResponse<String> certificates(HttpRequest<?> request, Actor actor) {
        List<CertificateView> mine = certificates.mine(actor);
        Map<String, String> proofs = new java.util.HashMap<>();
        mine.forEach(c -> log.issueProof(c.number()).ifPresent(link -> proofs.put(c.number(), link)));
        return pages.render(request, "certificates.ftlh", Map.of("certificates", mine, "proofs", proofs));
    }

    @Get("/certificates/{number}/pdf")
    @Produces(MediaType.ALL)
    HttpResponse<byte[]> certificatePdf(@PathVariable String number, Actor actor) {
        CertificateView certificate = certificates.get(number, actor);
        return CertificatePrint.pdfResponse(print.pdf(certificate), certificate);
    }
}
