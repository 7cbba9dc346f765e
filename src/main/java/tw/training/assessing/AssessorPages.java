package tw.training.assessing;

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
import tw.training.course.AssessmentMethod;
import tw.training.course.CourseService;
import tw.training.enrollment.EnrollmentService;
import tw.training.enrollment.EnrollmentView;
import tw.training.evidence.Authenticity;
import tw.training.evidence.EvidenceService;
import tw.training.evidence.JudgementService;
import tw.training.evidence.Views;
import tw.training.page.Form;
import tw.training.page.Messages;
import tw.training.page.Pages;
import tw.training.problem.InvalidInputException;
import tw.training.progress.ProgressService;
import tw.training.web.PlainText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A course's queue of evidence awaiting judgement, and the page where an assessor judges one piece. */
@Hidden
@PlainText
@Controller
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured({Roles.TRAINER, Roles.ADMIN})
class AssessorPages {

    /** The queue shows the oldest this many; filters narrow it. */
    private static final int QUEUE = 200;

    private final JudgementService judgements;
    private final EvidenceService evidence;
    private final EnrollmentService enrollments;
    private final ProgressService progress;
    private final CourseService courses;
    private final Pages pages;

    AssessorPages(JudgementService judgements, EvidenceService evidence, EnrollmentService enrollments, ProgressService progress,
                  CourseService courses, Pages pages) {
        this.judgements = judgements;
        this.evidence = evidence;
        this.enrollments = enrollments;
        this.progress = progress;
        this.courses = courses;
        this.pages = pages;
    }

    @Get("/courses/{id}/queue{?method,learner,indicator}")
    HttpResponse<String> queue(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String method, @Nullable @QueryValue String learner,
                               @Nullable @QueryValue String indicator, Actor actor) {
        Map<String, Object> model = new HashMap<>();
        model.put("course", courses.get(id, actor));
        model.put("awaiting", judgements.awaiting(id, method, learner, indicator, QUEUE, actor));
        model.put("methods", AssessmentMethod.values());
        model.put("chosen", Map.of("method", method == null ? "" : method, "learner", learner == null ? "" : learner,
                "indicator", indicator == null ? "" : indicator));
        return pages.render(request, "queue.ftlh", model);
    }

    /** A claimed indicator as the judging form shows it: its text, and the last word on it for this evidence. */
    public record Claim(String id, String code, String text, @Nullable Views.Judgement latest) {
    }

    @Get("/assess/{evidenceId}{?judged}")
    HttpResponse<String> judging(HttpRequest<?> request, @PathVariable long evidenceId, @Nullable @QueryValue String judged, Actor actor) {
        return judgingPage(request, HttpStatus.OK, evidenceId, judged != null, Map.of(), Map.of(), actor);
    }

    /**
     * The form sends, per claimed indicator, {@code outcome:<id>} (MET, NOT_YET or nothing) and {@code comment:<id>};
     * those with an outcome are recorded together through the batch, all or none.
     */
    @Post(value = "/assess/{evidenceId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> judge(HttpRequest<?> request, @PathVariable long evidenceId, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        Views.Evidence piece = evidence.get(evidenceId, actor);
        EnrollmentView enrollment = enrollments.get(piece.enrollmentId(), actor);
        List<Views.BatchJudgement> batch = new ArrayList<>();
        for (String indicator : piece.indicators()) {
            String outcome = form.get("outcome:" + indicator);
            if (!outcome.isEmpty()) {
                String comment = form.get("comment:" + indicator);
                String reason = form.get("reason:" + indicator);
                batch.add(new Views.BatchJudgement(evidenceId, indicator, outcome, comment.isEmpty() ? null : comment,
                        form.get("authenticity:" + indicator), reason.isEmpty() ? null : reason));
            }
        }
        try {
            if (batch.isEmpty()) {
                throw InvalidInputException.of("outcome", "assessing.choose-met-not-yet-least");
            }
            judgements.judgeAll(enrollment.course().id(), batch, actor);
            return Pages.redirect("/assess/" + evidenceId + "?judged");
        } catch (InvalidInputException refused) {
            Map<String, String> errors = new HashMap<>();
            // the batch names its rows ([0].rules.sufficient…): each row is one claimed indicator of this form
            Messages words = Pages.messages(request);
            refused.errors().forEach(error -> {
                errors.merge("outcome", words.say(error.phrase()), (a, b) -> a + words.get("list.faults") + b);
                int row = row(error.field());
                if (row >= 0 && row < batch.size()) {
                    errors.merge("claim:" + batch.get(row).indicator(), words.say(error.phrase()), (a, b) -> a + words.get("list.faults") + b);
                }
            });
            return judgingPage(request, HttpStatus.UNPROCESSABLE_ENTITY, evidenceId, false, errors, form.sent(), actor);
        }
    }

    /** The batch row a refusal names ("[2].rules.current" → 2), or -1. */
    private static int row(@Nullable String field) {
        java.util.regex.Matcher matcher = field == null ? null : java.util.regex.Pattern.compile("^\\[(\\d+)]").matcher(field);
        return matcher != null && matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** @param sent a refused form as it was filled: the outcomes chosen and the comments written stay */
    private MutableHttpResponse<String> judgingPage(HttpRequest<?> request, HttpStatus status, long evidenceId, boolean judged,
                                                    Map<String, String> errors, Map<String, List<String>> sent, Actor actor) {
        Views.Evidence piece = evidence.get(evidenceId, actor);
        EnrollmentView enrollment = enrollments.get(piece.enrollmentId(), actor);
        // a learner's evidence is judged by the course's trainers (and admins): the course says so, not the evidence alone
        courses.requireTrainer(enrollment.course().id(), actor);
        Map<String, String> texts = new HashMap<>();
        progress.enrollment(enrollment.id(), actor).indicators().forEach(indicator -> texts.put(indicator.id(), indicator.text()));
        List<Claim> claims = piece.indicators().stream().map(id -> new Claim(id, id.substring(id.indexOf(':') + 1), texts.getOrDefault(id, ""),
                piece.judgements().stream().filter(j -> j.indicator().equals(id)).reduce((first, second) -> second).orElse(null))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("evidence", piece);
        model.put("enrollment", enrollment);
        model.put("claims", claims);
        model.put("judged", judged);
        model.put("errors", errors);
        model.put("sent", sent);
        model.put("authenticities", Authenticity.values());
        model.put("usual", Authenticity.usual(piece.method()).name());
        return pages.render(request, status, "judging.ftlh", model);
    }
}
