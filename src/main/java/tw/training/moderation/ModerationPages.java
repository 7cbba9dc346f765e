package tw.training.moderation;

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
import tw.training.evidence.Authenticity;
import tw.training.evidence.FileResponse;
import tw.training.page.FieldErrors;
import tw.training.page.Form;
import tw.training.page.Pages;
import tw.training.problem.InvalidInputException;
import tw.training.secret.CookieTokens;
import tw.training.web.PlainText;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moderation's pages: the courses one moderates; a course's validation plan, moderators, samples and the form that
 * draws one; a sample; a sampled judgement with the blind second-marking form and, after a disagreement, the
 * resolution form; the assessor statistics with their readings. A refused form comes back as it was filled.
 */
@Hidden
@PlainText
@Controller
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured({Roles.TRAINER, Roles.ADMIN})
class ModerationPages {

    /** What a redirect after a form says was saved (anything else in the address is ignored). */
    private static final java.util.Set<String> COURSE_SAVES = java.util.Set.of("plan", "moderator", "revoked");
    private static final java.util.Set<String> ITEM_SAVES = java.util.Set.of("second", "resolved");

    private final ValidationPlans plans;
    private final Moderators moderators;
    private final Samples samples;
    private final SecondMarking marking;
    private final AssessorReport statistics;
    private final ModeratorRepository moderatorRows;
    private final CourseService courses;
    private final Pages pages;
    private final Clock clock;

    ModerationPages(ValidationPlans plans, Moderators moderators, Samples samples, SecondMarking marking, AssessorReport statistics,
                    ModeratorRepository moderatorRows, CourseService courses, Pages pages, Clock clock) {
        this.plans = plans;
        this.moderators = moderators;
        this.samples = samples;
        this.marking = marking;
        this.statistics = statistics;
        this.moderatorRows = moderatorRows;
        this.courses = courses;
        this.pages = pages;
        this.clock = clock;
    }

    /** The courses the actor moderates (an administrator: every course). */
    @Get("/moderation")
    HttpResponse<String> mine(HttpRequest<?> request, Actor actor) {
        List<?> moderated = actor.isAdmin() ? courses.list(actor)
                : moderatorRows.coursesOf(actor.userId()).stream().map(courses::find).flatMap(java.util.Optional::stream).toList();
        return pages.render(request, "moderation-courses.ftlh", Map.of("courses", moderated));
    }

    @Get("/courses/{id}/moderation{?saved}")
    HttpResponse<String> course(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String saved, Actor actor) {
        return coursePage(request, HttpStatus.OK, id, saved, Map.of(), Map.of(), actor);
    }

    @Post(value = "/courses/{id}/moderation/validation-plan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> setPlan(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        try {
            plans.set(id, new ValidationPlans.PlanBody(form.get("lastValidated"), form.get("nextDue"), form.get("validator"), form.get("complaint")),
                    actor);
            return Pages.redirect("/courses/" + id + "/moderation?saved=plan#plan");
        } catch (InvalidInputException refused) {
            return coursePage(request, HttpStatus.UNPROCESSABLE_ENTITY, id, null, FieldErrors.prefixed("plan-", FieldErrors.of(refused, "form", request)),
                    FieldErrors.prefixed("plan-", form.sent()), actor);
        }
    }

    @Post(value = "/courses/{id}/moderators", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> grant(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        try {
            moderators.grant(id, form.get("username"), actor);
            return Pages.redirect("/courses/" + id + "/moderation?saved=moderator#moderators");
        } catch (InvalidInputException refused) {
            return coursePage(request, HttpStatus.UNPROCESSABLE_ENTITY, id, null,
                    FieldErrors.prefixed("moderator-", FieldErrors.of(refused, "username", request)), FieldErrors.prefixed("moderator-", form.sent()), actor);
        }
    }

    @Post(value = "/courses/{id}/moderators/{username}/revocation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> revoke(HttpRequest<?> request, @PathVariable long id, @PathVariable String username, @Body @Nullable String body,
                                  Actor actor) {
        Form.of(body).checked(request);
        moderators.revoke(id, username, actor);
        return Pages.redirect("/courses/" + id + "/moderation?saved=revoked#moderators");
    }

    @Post(value = "/courses/{id}/moderation/samples", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> draw(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        try {
            SampleViews.Sample sample = samples.draw(id, new Samples.DrawBody(form.get("from"), form.get("to"), form.get("seed"),
                    share(form.get("confidence")), share(form.get("error")), share(form.get("p")), form.get("submissionKey")), actor);
            return Pages.redirect("/moderation/samples/" + sample.id());
        } catch (InvalidInputException refused) {
            return coursePage(request, HttpStatus.UNPROCESSABLE_ENTITY, id, null, FieldErrors.prefixed("draw-", FieldErrors.of(refused, "from", request)),
                    FieldErrors.prefixed("draw-", form.sent()), actor);
        }
    }

    @Get("/moderation/samples/{id}")
    HttpResponse<String> sample(HttpRequest<?> request, @PathVariable long id, Actor actor) {
        SampleViews.Sample sample = samples.get(id, actor);
        Map<String, Object> model = new HashMap<>();
        model.put("sample", sample);
        model.put("course", courses.find(sample.courseId()).orElseThrow());
        return pages.render(request, "moderation-sample.ftlh", model);
    }

    @Get("/moderation/items/{id}{?saved}")
    HttpResponse<String> item(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String saved, Actor actor) {
        return itemPage(request, HttpStatus.OK, id, saved, Map.of(), Map.of(), actor);
    }

    @Get("/moderation/items/{id}/files/{fileId}{?inline}")
    HttpResponse<?> file(HttpRequest<?> request, @PathVariable long id, @PathVariable long fileId, @Nullable @QueryValue String inline, Actor actor)
            throws IOException {
        return FileResponse.of(marking.file(id, fileId, actor), request.getHeaders(), inline != null);
    }

    @Post(value = "/moderation/items/{id}/second-marking", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> secondMark(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        try {
            marking.secondMark(id, new SecondMarking.SecondBody(form.get("outcome"), form.get("comment")), actor);
            return Pages.redirect("/moderation/items/" + id + "?saved=second");
        } catch (InvalidInputException refused) {
            return itemPage(request, HttpStatus.UNPROCESSABLE_ENTITY, id, null, FieldErrors.of(refused, "outcome", request), form.sent(), actor);
        }
    }

    @Post(value = "/moderation/items/{id}/resolution", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> resolve(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        try {
            marking.resolve(id, new SecondMarking.ResolutionBody(form.get("outcome"), form.get("reason"), form.get("authenticity"),
                    form.get("rulesReason")), actor);
            return Pages.redirect("/moderation/items/" + id + "?saved=resolved");
        } catch (InvalidInputException refused) {
            // a refusal of the rules of evidence names the rule (rules.sufficient…): shown beside the reason to set it aside
            Map<String, String> errors = new HashMap<>();
            FieldErrors.of(refused, "outcome", request).forEach((field, words) -> errors.merge(field.startsWith("rules.") ? "rulesReason" : field,
                    words, (a, b) -> a + " " + b));
            return itemPage(request, HttpStatus.UNPROCESSABLE_ENTITY, id, null, FieldErrors.prefixed("resolution-", errors),
                    FieldErrors.prefixed("resolution-", form.sent()), actor);
        }
    }

    @Get("/courses/{id}/assessor-statistics{?from,to}")
    HttpResponse<String> statistics(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                    Actor actor) {
        Map<String, Object> model = new HashMap<>();
        model.put("course", courses.find(id).orElse(null));
        model.put("chosen", Map.of("from", from == null ? "" : from, "to", to == null ? "" : to));
        try {
            model.put("report", statistics.of(id, from, to, actor));
            model.put("errors", Map.of());
            return pages.render(request, "assessor-statistics.ftlh", model);
        } catch (InvalidInputException refused) {
            model.put("errors", FieldErrors.of(refused, "from", request));
            return pages.render(request, HttpStatus.UNPROCESSABLE_ENTITY, "assessor-statistics.ftlh", model);
        }
    }

    private MutableHttpResponse<String> coursePage(HttpRequest<?> request, HttpStatus status, long id, @Nullable String saved,
                                                   Map<String, String> errors, Map<String, List<String>> sent, Actor actor) {
        boolean moderates = moderators.moderates(id, actor);
        boolean leads = moderators.leads(id, actor);
        Map<String, Object> model = new HashMap<>();
        // its trainers, moderators and administrators see the page; anyone else finds no course
        model.put("course", moderates ? courses.find(id).orElseThrow(() -> new tw.training.problem.NotFoundException("course.course-not-found", id))
                : courses.requireTrainer(id, actor));
        model.put("moderates", moderates);
        model.put("manages", leads || actor.isAdmin());
        model.put("plan", moderates && !courses.trains(id, actor) && !actor.isAdmin() ? null : plans.get(id, actor));
        model.put("moderators", moderators.of(id, actor));
        model.put("samples", moderates || leads ? samples.of(id, actor) : List.of());
        LocalDate today = Days.today(clock);
        model.put("today", today.toString());
        model.put("monthAgo", today.minusMonths(1).toString());
        model.put("saved", saved != null && COURSE_SAVES.contains(saved) ? saved : "");
        model.put("errors", errors);
        model.put("sent", sent);
        model.put("submissionKey", CookieTokens.fresh());
        return pages.render(request, status, "moderation-course.ftlh", model);
    }

    private MutableHttpResponse<String> itemPage(HttpRequest<?> request, HttpStatus status, long id, @Nullable String saved,
                                                 Map<String, String> errors, Map<String, List<String>> sent, Actor actor) {
        SampleViews.Item item = marking.item(id, actor);
        Map<String, Object> model = new HashMap<>();
        model.put("item", item);
        model.put("ev", item);
        model.put("fileBase", "/moderation/items/" + id);
        model.put("saved", saved != null && ITEM_SAVES.contains(saved) ? saved : "");
        model.put("errors", errors);
        model.put("sent", sent);
        model.put("authenticities", Authenticity.values());
        return pages.render(request, status, "moderation-item.ftlh", model);
    }

    /** A number from a form: absent as absent, anything unreadable as NaN (refused as not between 0 and 1). */
    private static Double share(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
