package tw.training.learning;

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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.course.CourseService;
import tw.training.course.CourseView;
import tw.training.course.ModuleRef;
import tw.training.enrollment.EnrollmentService;
import tw.training.evidence.FileResponse;
import tw.training.evidence.storage.StagedFile;
import tw.training.evidence.storage.Staging;
import tw.training.page.Csrf;
import tw.training.page.FieldErrors;
import tw.training.page.Form;
import tw.training.page.MultipartForm;
import tw.training.page.Pages;
import tw.training.problem.DomainException;
import tw.training.problem.InvalidInputException;
import tw.training.web.PlainText;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Materials as pages: a trainer's module (its materials in order; a lesson, a link or a file added, one removed or moved
 * up) and the cohort's learning activity; a learner's material (a lesson to read, a link to follow, a file to open, a video
 * to watch), where studying it is recorded: opening a lesson, a link or a file, or, for audio and video, playing it to
 * the end (reported by the page's script).
 */
@Hidden
@PlainText
@Controller
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured(SecurityRule.IS_AUTHENTICATED)
class LearningPages {

    private final MaterialService materials;
    private final ActivityService activity;
    private final CourseService courses;
    private final EnrollmentService enrollments;
    private final Staging staging;
    private final Pages pages;

    LearningPages(MaterialService materials, ActivityService activity, CourseService courses, EnrollmentService enrollments, Staging staging,
                  Pages pages) {
        this.materials = materials;
        this.activity = activity;
        this.courses = courses;
        this.enrollments = enrollments;
        this.staging = staging;
        this.pages = pages;
    }

    @Get("/courses/{id}/modules/{moduleId}/materials")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    HttpResponse<String> module(HttpRequest<?> request, @PathVariable long id, @PathVariable long moduleId, Actor actor) {
        return modulePage(request, HttpStatus.OK, id, moduleId, actor, Map.of());
    }

    @Post(value = "/courses/{id}/modules/{moduleId}/materials", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.TRAINER, Roles.ADMIN})
    MutableHttpResponse<?> add(HttpRequest<?> request, @PathVariable long id, @PathVariable long moduleId, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        String kind = form.get("kind");
        try {
            MaterialViews.Material added = materials.add(id, moduleId, new MaterialViews.NewMaterial(kind, form.get("title"),
                    form.get("markdown"), form.get("url")), actor);
            return Pages.redirect("/courses/" + id + "/modules/" + added.moduleId() + "/materials#material-" + added.id());
        } catch (InvalidInputException refused) {
            return modulePage(request, HttpStatus.UNPROCESSABLE_ENTITY, id, moduleId, actor, prefixed(kind.toLowerCase(), refused, request),
                    Map.of("kind", kind.toLowerCase(), "fields", form.sent()));
        }
    }

    /** A file, streamed from the form like the API's: the token first, then the title and the file. */
    @Post(value = "/courses/{id}/modules/{moduleId}/materials/file", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({Roles.TRAINER, Roles.ADMIN})
    MutableHttpResponse<?> addFile(HttpRequest<?> request, @PathVariable long id, @PathVariable long moduleId, Actor actor) throws IOException {
        materials.requireAuthor(id, moduleId, actor);
        String[] title = {null};
        StagedFile[] file = {null};
        try {
            MultipartForm.read(request, part -> {
                if (part.name().equals("title")) {
                    title[0] = part.text(4096);
                } else if (part.name().equals("file") && part.filename() != null && !part.filename().isBlank() && file[0] == null) {
                    file[0] = staging.stage(part.content(), part.filename(), materials.maxFileSize(), "file");
                }
            });
            if (file[0] == null) {
                throw InvalidInputException.of("file", "learning.choose-file");
            }
            MaterialViews.Material added = materials.addFile(id, moduleId, title[0], file[0], actor);
            return Pages.redirect("/courses/" + id + "/modules/" + added.moduleId() + "/materials#material-" + added.id());
        } catch (DomainException refused) {
            if (refused instanceof tw.training.problem.ForbiddenException || refused instanceof tw.training.problem.NotFoundException) {
                throw refused;
            }
            return modulePage(request, HttpStatus.UNPROCESSABLE_ENTITY, id, moduleId, actor, prefixed("file", refused, request));
        } finally {
            if (file[0] != null) {
                Staging.discard(file[0]);
            }
        }
    }

    /**
     * Removing a material, moving it to a position or editing its title, text or URL: the change goes into the draft (a
     * published material's copy), and the answer shows where it went. A refused edit is a 422 page naming the fault.
     */
    @Post(value = "/materials/{materialId}/change", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.TRAINER, Roles.ADMIN})
    MutableHttpResponse<?> change(HttpRequest<?> request, @PathVariable long materialId, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        long course = form.number("course");
        if (form.get("action").equals("remove")) {
            MaterialViews.Material removed = materials.get(materialId, actor);
            materials.remove(materialId, actor);
            long module = courses.draftModule(course, removed.moduleId(), actor).id();
            return Pages.redirect("/courses/" + course + "/modules/" + module + "/materials");
        }
        if (form.get("action").equals("edit")) {
            MaterialViews.Material edited = materials.change(materialId, new MaterialViews.Change(form.get("title"),
                    form.get("markdown").isEmpty() ? null : form.get("markdown"), form.get("url").isEmpty() ? null : form.get("url"), null), actor);
            return Pages.redirect("/materials/" + edited.id());
        }
        MaterialViews.Material moved = materials.change(materialId, new MaterialViews.Change(null, null, null,
                (int) Math.max(0, Math.min(Integer.MAX_VALUE, form.number("position")))), actor);
        return Pages.redirect("/courses/" + course + "/modules/" + moved.moduleId() + "/materials#material-" + moved.id());
    }

    @Get("/courses/{id}/activity")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    HttpResponse<String> cohort(HttpRequest<?> request, @PathVariable long id, Actor actor) {
        CourseView course = courses.get(id, actor);
        return pages.render(request, "activity.ftlh", Map.of("course", course, "cohort", activity.ofCourse(id, actor)));
    }

    /** A material as a page; a learner opening a lesson has studied it. */
    @Get("/materials/{materialId}")
    HttpResponse<String> material(HttpRequest<?> request, @PathVariable long materialId, Actor actor) {
        MaterialViews.Material material = materials.get(materialId, actor);
        if (material.kind() == MaterialKind.LESSON && material.doneAt() == null) {
            materials.studiedIfLearner(materialId, actor);
        }
        ModuleRef module = courses.module(material.moduleId()).orElseThrow();
        String type = material.file() == null ? "" : material.file().contentType();
        Map<String, Object> model = new HashMap<>(Map.of("material", material, "module", module,
                "teaches", actor.isAdmin() || courses.trains(module.courseId(), actor),
                "video", type.startsWith("video/"), "audio", type.startsWith("audio/")));
        enrollments.own(module.courseId(), actor).ifPresent(own -> model.put("enrollment", own.id()));
        return pages.render(request, "material.ftlh", model);
    }

    /** A file material's bytes, ranges answered; a file that is not played (a PDF, slides) counts as studied once opened. */
    @Get("/materials/{materialId}/file")
    @Produces(MediaType.ALL)
    HttpResponse<?> file(HttpRequest<?> request, @PathVariable long materialId, Actor actor) throws IOException {
        var download = materials.download(materialId, actor);
        String type = download.file().contentType();
        if (!type.startsWith("video/") && !type.startsWith("audio/")) {
            materials.studiedIfLearner(materialId, actor);
        }
        return FileResponse.of(download, request.getHeaders(), true);
    }

    /**
     * The page's script reports a video or audio played to its end, or a link followed (CSRF token in the header; a
     * POST, so that no link from another site can mark a learner's materials studied). Answers 204, whatever the client
     * accepts.
     */
    @Post(value = "/materials/{materialId}/done", consumes = MediaType.ALL)
    HttpResponse<?> done(HttpRequest<?> request, @PathVariable long materialId, Actor actor) {
        Csrf.require(request, null);
        materials.done(materialId, actor);
        return HttpResponse.noContent();
    }

    private MutableHttpResponse<String> modulePage(HttpRequest<?> request, HttpStatus status, long id, long moduleId, Actor actor,
                                                   Map<String, String> errors) {
        return modulePage(request, status, id, moduleId, actor, errors, Map.of());
    }

    /** @param sent a refused lesson's or link's form as it was filled: its {@code kind} and its {@code fields} */
    private MutableHttpResponse<String> modulePage(HttpRequest<?> request, HttpStatus status, long id, long moduleId, Actor actor,
                                                   Map<String, String> errors, Map<String, Object> sent) {
        CourseView course = courses.get(id, actor);
        List<MaterialViews.Material> list = materials.ofModule(id, moduleId, actor);
        Map<String, Object> model = new HashMap<>();
        model.put("course", course);
        model.put("module", courses.module(moduleId).orElseThrow());
        model.put("materials", list);
        model.put("errors", errors);
        model.put("sent", sent);
        model.put("maxFileSize", tw.training.problem.PayloadTooLargeException.size(materials.maxFileSize()));
        return pages.render(request, status, "module-materials.ftlh", model);
    }

    /** A refusal's fields, prefixed by the form it came from (lesson-title, link-url, file-file). */
    private static Map<String, String> prefixed(String form, DomainException refused, HttpRequest<?> request) {
        Map<String, String> errors = new HashMap<>();
        FieldErrors.of(refused, "form", request).forEach((field, message) -> errors.put(form + "-" + field, message));
        return errors;
    }
}
