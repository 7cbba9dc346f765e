package tw.training.course;

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
import tw.training.catalogue.CatalogueService;
import tw.training.catalogue.TaskReference;
import tw.training.page.FieldErrors;
import tw.training.page.Form;
import tw.training.page.Pages;
import tw.training.problem.ConflictException;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;
import tw.training.web.PlainText;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The trainer's course builder: my courses and a new one; a course with its alignments, the methods of each planned
 * indicator (or of every indicator of a task at once), modules, co-trainers, and publishing with every fault listed
 * and linked to the part of the page that mends it. Every form posts, then the page is shown again (POST, redirect,
 * GET), or, when refused, the page with the reasons beside the form that was sent.
 */
@Hidden
@PlainText
@Controller("/courses")
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured({Roles.TRAINER, Roles.ADMIN})
class CoursePages {

    private final CourseService courses;
    private final CatalogueService catalogue;
    private final Pages pages;

    CoursePages(CourseService courses, CatalogueService catalogue, Pages pages) {
        this.courses = courses;
        this.catalogue = catalogue;
        this.pages = pages;
    }

    @Get
    HttpResponse<String> list(HttpRequest<?> request, Actor actor) {
        return listPage(request, HttpStatus.OK, Map.of(), Map.of(), actor);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(HttpRequest<?> request, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        try {
            CourseView created = courses.create(new Requests.CreateCourse(form.get("code"), form.get("title"),
                    form.get("description").isEmpty() ? null : form.get("description"), hours(form.get("hours"), "hours")), actor);
            return Pages.redirect("/courses/" + created.id());
        } catch (InvalidInputException | ConflictException refused) {
            return listPage(request, refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY,
                    Map.of("code", form.get("code"), "title", form.get("title"), "hours", form.get("hours"), "description", form.get("description")),
                    FieldErrors.of(refused, "code", request), actor);
        }
    }

    private MutableHttpResponse<String> listPage(HttpRequest<?> request, HttpStatus status, Map<String, String> filled, Map<String, String> errors,
                                                 Actor actor) {
        return pages.render(request, status, "courses.ftlh", Map.of("courses", courses.list(actor), "filled", filled, "errors", errors));
    }

    /**
     * Aligning picked from a document's page: the task with its indicators (all, or those ticked), the methods, and
     * which of my courses; the course's own page then shows it.
     */
    @Get("/alignment{?standardCode,taskCode,course,q}")
    HttpResponse<String> alignmentForm(HttpRequest<?> request, @Nullable @QueryValue String standardCode, @Nullable @QueryValue String taskCode,
                                       @Nullable @QueryValue Long course, @Nullable @QueryValue String q, Actor actor) {
        if (course != null) {
            courses.requireTrainer(course, actor);
        }
        if (standardCode == null || standardCode.isBlank() || taskCode == null || taskCode.isBlank()) {
            return pickPage(request, standardCode, course, q);
        }
        return alignmentPage(request, HttpStatus.OK, standardCode, taskCode, Map.of(),
                course == null ? Map.of() : Map.of("course", List.of(String.valueOf(course))), actor);
    }

    /**
     * Aligning is picking, never typing codes: a document found by searching the catalogue, then one of its tasks (the
     * next step, {@link #alignmentPage}, ticks its indicators and methods).
     */
    private MutableHttpResponse<String> pickPage(HttpRequest<?> request, @Nullable String standardCode, @Nullable Long course, @Nullable String q) {
        Map<String, Object> model = new HashMap<>();
        model.put("q", q == null ? "" : q.strip());
        if (course != null) {
            model.put("course", course);
        }
        if (standardCode != null && !standardCode.isBlank()) {
            model.put("document", catalogue.find(standardCode.strip())
                    .orElseThrow(() -> new NotFoundException("catalogue.no-document-with-code-catalogue", standardCode)));
        } else {
            model.put("documents", catalogue.list(null, q == null || q.isBlank() ? null : q.strip()));
        }
        return pages.render(request, HttpStatus.OK, "align-pick.ftlh", model);
    }

    @Post(value = "/alignment", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> alignPicked(HttpRequest<?> request, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        long course = form.number("course");
        List<String> chosen = form.all("indicatorCodes");
        try {
            courses.requireTrainer(course, actor);
            requireMethod(form);
            courses.align(course, new Requests.Align(form.get("standardCode"), form.get("taskCode"), form.all("methods"),
                    chosen.isEmpty() ? null : chosen), actor);
            return Pages.redirect("/courses/" + course + "#alignments");
        } catch (InvalidInputException | ConflictException refused) {
            // the form again as it was sent: the course chosen, the indicators and methods ticked
            return alignmentPage(request, refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY,
                    form.get("standardCode"), form.get("taskCode"), FieldErrors.of(refused, "course", request),
                    Map.of("course", List.of(form.get("course")), "indicatorCodes", chosen, "methods", form.all("methods")), actor);
        }
    }

    /** On the pages a task is aligned with at least one method ticked (the API's empty list, "none yet", is not offered). */
    private static void requireMethod(Form form) {
        if (form.all("methods").isEmpty()) {
            throw InvalidInputException.of("methods", "course.tick-least-one-assessment-method");
        }
    }

    private MutableHttpResponse<String> alignmentPage(HttpRequest<?> request, HttpStatus status, @Nullable String standardCode,
                                                      @Nullable String taskCode, Map<String, String> errors, Map<String, List<String>> kept,
                                                      Actor actor) {
        TaskReference task = catalogue.locateTask(standardCode == null ? "" : standardCode.strip(), taskCode == null ? "" : taskCode.strip())
                .orElseThrow(() -> new NotFoundException("course.no-task", taskCode, standardCode));
        Map<String, Object> model = new HashMap<>();
        model.put("task", task);
        model.put("courses", courses.list(actor).stream().filter(course -> course.status() != CourseStatus.ARCHIVED).toList());
        model.put("methods", AssessmentMethod.values());
        model.put("errors", errors);
        model.put("kept", kept);
        return pages.render(request, status, "align-task.ftlh", model);
    }

    @Get("/{id}{?published,discarded}")
    HttpResponse<String> course(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String published,
                                @Nullable @QueryValue String discarded, Actor actor) {
        return coursePage(request, HttpStatus.OK, id, actor, Map.of(), List.of(), published != null,
                discarded == null ? Map.of() : Map.of("discarded", true));
    }

    /** The draft a change opened, discarded (the page asked first): the published revision is the course's again. */
    @Post(value = "/{id}/draft/removal", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> discardDraft(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form.of(body).checked(request);
        try {
            courses.discardDraft(id, actor);
            return Pages.redirect("/courses/" + id + "?discarded");
        } catch (ConflictException refused) {
            return coursePage(request, HttpStatus.CONFLICT, id, actor, Map.of("alignments", FieldErrors.of(refused, request)), List.of(), false);
        }
    }

    @Post(value = "/{id}/alignments", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> align(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        List<String> chosen = Arrays.stream(form.get("indicatorCodes").split("[\\s,、]+")).filter(code -> !code.isBlank()).toList();
        try {
            courses.requireTrainer(id, actor);
            requireMethod(form);
            courses.align(id, new Requests.Align(form.get("standardCode"), form.get("taskCode"), form.all("methods"), chosen.isEmpty() ? null : chosen), actor);
            return Pages.redirect("/courses/" + id + "#alignments");
        } catch (InvalidInputException | ConflictException refused) {
            // the form again as it was sent
            return coursePage(request, refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY, id, actor,
                    Map.of("alignments", String.join(Pages.messages(request).get("list.faults"), FieldErrors.of(refused, "alignments", request).values())), List.of(), false,
                    Map.of("standardCode", form.get("standardCode"), "taskCode", form.get("taskCode"), "indicatorCodes", form.get("indicatorCodes"),
                            "methods", form.all("methods")));
        }
    }

    @Post(value = "/{id}/alignments/removal", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> unalign(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        return change(request, id, actor, "alignments", () -> courses.unalign(id, form.get("task"), actor));
    }

    /**
     * The methods of a task's indicators, one table saved at once ({@code methods:<indicator id>} per row); refused, the
     * page shows why beside each row and keeps every box as it was ticked.
     */
    @Post(value = "/{id}/methods", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> methods(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        String task = form.get("task");
        Map<String, List<String>> ticked = new java.util.LinkedHashMap<>();
        form.suffixes("methods:").forEach(indicator -> ticked.put(indicator, form.all("methods:" + indicator)));
        // each row's sufficiency (minPieces:<id>, minMethods:<id>, thirdPartyAlone:<id>) goes with its methods
        Map<String, Requests.Sufficiency> sufficiency = new java.util.LinkedHashMap<>();
        for (String indicator : form.suffixes("minPieces:")) {
            sufficiency.put(indicator, new Requests.Sufficiency(whole(form.get("minPieces:" + indicator)), whole(form.get("minMethods:" + indicator)),
                    "yes".equals(form.get("thirdPartyAlone:" + indicator))));
        }
        try {
            courses.setTaskPlan(id, task, ticked, sufficiency, actor);
            return Pages.redirect("/courses/" + id + "#plan-" + task);
        } catch (InvalidInputException refused) {
            return coursePage(request, HttpStatus.UNPROCESSABLE_ENTITY, id, actor, FieldErrors.of(refused, "plan", request), List.of(), false,
                    Map.of("task", task, "plan", ticked, "sent", form.sent()));
        }
    }

    /** A number field as sent: null when it is not a whole number, which the service refuses by the field's name. */
    private static Integer whole(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Post(value = "/{id}/currency", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> currency(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        return change(request, id, actor, "rules", form, () -> courses.setCurrency(id, new Requests.Currency(whole(form.get("months"))), actor));
    }

    @Post(value = "/{id}/modules", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addModule(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        return change(request, id, actor, "modules", form, () -> courses.addModule(id, new Requests.Module(form.get("title"),
                hours(form.get("hours"), "hours"), form.get("description").isEmpty() ? null : form.get("description"), form.all("tasks")), actor));
    }

    @Post(value = "/{id}/modules/removal", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> removeModule(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        return change(request, id, actor, "modules", () -> courses.removeModule(id, form.number("module"), actor));
    }

    @Post(value = "/{id}/trainers", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addTrainer(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        return change(request, id, actor, "trainers", form, () -> courses.addTrainer(id, new Requests.Trainer(form.get("username")), actor));
    }

    @Post(value = "/{id}/trainers/removal", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> removeTrainer(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        return change(request, id, actor, "trainers", () -> courses.removeTrainer(id, form.get("username"), actor));
    }

    @Post(value = "/{id}/publication", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> publish(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form.of(body).checked(request);
        try {
            courses.publish(id, actor);
            return Pages.redirect("/courses/" + id + "?published");
        } catch (InvalidInputException faults) {
            // every fault at once, each linked to the part of the page where it is mended
            return coursePage(request, HttpStatus.UNPROCESSABLE_ENTITY, id, actor, Map.of(), faults.errors().stream()
                    .map(fault -> new Fault(section(fault.field()), Pages.messages(request).say(fault.phrase()))).toList(), false);
        }
    }

    /** A fault of the plan that stops publishing, and the part of the page (its id) where it is mended. */
    public record Fault(String section, String message) {
    }

    private static String section(@Nullable String field) {
        if (field == null) {
            return "alignments";
        }
        return field.startsWith("modules") ? "modules" : field.startsWith("plan") ? "plan" : "alignments";
    }

    /** Runs one change of the course; back to its part of the page, or the page again with why it was refused beside that form. */
    private MutableHttpResponse<?> change(HttpRequest<?> request, long id, Actor actor, String section, Supplier<CourseView> change) {
        return change(request, id, actor, section, null, change);
    }

    /** The same, for a form with fields: refused, it is shown again as it was filled ({@code kept.form}). */
    private MutableHttpResponse<?> change(HttpRequest<?> request, long id, Actor actor, String section, @Nullable Form form,
                                          Supplier<CourseView> change) {
        try {
            change.get();
            return Pages.redirect("/courses/" + id + "#" + section);
        } catch (InvalidInputException | ConflictException refused) {
            return coursePage(request, refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY, id, actor,
                    Map.of(section, String.join(Pages.messages(request).get("list.faults"), FieldErrors.of(refused, section, request).values())), List.of(),
                    false, form == null ? Map.of() : Map.of("form", form.sent(), "formSection", section));
        }
    }

    private MutableHttpResponse<String> coursePage(HttpRequest<?> request, HttpStatus status, long id, Actor actor, Map<String, String> errors,
                                                   List<Fault> faults, boolean publishedNow) {
        return coursePage(request, status, id, actor, errors, faults, publishedNow, Map.of());
    }

    /** @param kept the alignment form as it was sent, when it was refused */
    private MutableHttpResponse<String> coursePage(HttpRequest<?> request, HttpStatus status, long id, Actor actor, Map<String, String> errors,
                                                   List<Fault> faults, boolean publishedNow, Map<String, Object> kept) {
        CourseView course = courses.get(id, actor);
        Map<String, Object> model = new HashMap<>();
        model.put("course", course);
        model.put("methods", AssessmentMethod.values());
        model.put("errors", errors);
        model.put("faults", faults);
        model.put("publishedNow", publishedNow);
        model.put("tasks", CourseBuilderView.of(course));
        model.put("revisions", courses.revisions(id, actor));
        model.put("kept", kept);
        return pages.render(request, status, "course-builder.ftlh", model);
    }

    private static @Nullable BigDecimal hours(String text, String field) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "course.hours-are-number-such-as");
        }
    }
}
