package tw.training.course;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.web.PlainText;

import java.net.URI;
import java.util.List;

/** SPEC §3: courses, their alignments, assessment plan and modules, for their trainers and admins. */
@PlainText
@Controller("/api/courses")
@Secured({Roles.TRAINER, Roles.ADMIN})
@Tag(name = "courses")
class CourseController {

    private final CourseService courses;

    CourseController(CourseService courses) {
        this.courses = courses;
    }

    @Post
    @Operation(summary = "Create a course (status DRAFT) owned by the signed-in trainer")
    @Status(HttpStatus.CREATED)
    HttpResponse<CourseView> create(@Body Requests.CreateCourse request, @Parameter(hidden = true) Actor actor) {
        CourseView course = courses.create(request, actor);
        return HttpResponse.created(course, URI.create("/api/courses/" + course.id()));
    }

    @Get
    @Operation(summary = "The courses the signed-in trainer owns or is named on (admins: all)")
    List<CourseSummary> list(@Parameter(hidden = true) Actor actor) {
        return courses.list(actor);
    }

    @Get("/{id}")
    @Operation(summary = "The course with its latest revision: alignments, assessment plan, modules")
    CourseView get(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return courses.get(id, actor);
    }

    @Get("/{id}/revisions")
    List<CourseView.Revision> revisions(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return courses.revisions(id, actor);
    }

    @Get("/{id}/revisions/{number}")
    @Operation(summary = "The course with one revision of its plan, e.g. the one an enrollment joined")
    CourseView revision(@PathVariable long id, @PathVariable int number, @Parameter(hidden = true) Actor actor) {
        return courses.revision(id, number, actor);
    }

    @Post("/{id}/alignments")
    @Operation(summary = "Align a task (all its indicators, or the listed ones), each requiring every listed method")
    @Status(HttpStatus.CREATED)
    HttpResponse<CourseView> align(@PathVariable long id, @Body Requests.Align request, @Parameter(hidden = true) Actor actor) {
        return HttpResponse.created(courses.align(id, request, actor));
    }

    @Delete("/{id}/alignments/{taskId}")
    @Operation(summary = "Remove an aligned task (id like KPS5294-001v4:T2.3) and its part of the plan")
    CourseView unalign(@PathVariable long id, @PathVariable String taskId, @Parameter(hidden = true) Actor actor) {
        return courses.unalign(id, taskId, actor);
    }

    @Put("/{id}/plan/{indicatorId}")
    @Operation(summary = "Set the methods one planned indicator (id like KPS5294-001v4:P2.3.1) requires")
    CourseView setMethods(@PathVariable long id, @PathVariable String indicatorId, @Body Requests.Methods request, @Parameter(hidden = true) Actor actor) {
        return courses.setMethods(id, indicatorId, request, actor);
    }

    @Put("/{id}/plan/{indicatorId}/sufficiency")
    @Operation(summary = "Set one planned indicator's row of the sufficiency matrix: minPieces, minMethods, thirdPartyAlone")
    CourseView setSufficiency(@PathVariable long id, @PathVariable String indicatorId, @Body Requests.Sufficiency request,
                              @Parameter(hidden = true) Actor actor) {
        return courses.setSufficiency(id, indicatorId, request, actor);
    }

    @Put("/{id}/currency")
    @Operation(summary = "Set the currency rule: how many months old a piece's performance may be when a MET rests on it (default 36)")
    CourseView setCurrency(@PathVariable long id, @Body Requests.Currency request, @Parameter(hidden = true) Actor actor) {
        return courses.setCurrency(id, request, actor);
    }

    @Post("/{id}/modules")
    @Status(HttpStatus.CREATED)
    HttpResponse<CourseView> addModule(@PathVariable long id, @Body Requests.Module request, @Parameter(hidden = true) Actor actor) {
        return HttpResponse.created(courses.addModule(id, request, actor));
    }

    @Put("/{id}/modules/{moduleId}")
    CourseView replaceModule(@PathVariable long id, @PathVariable long moduleId, @Body Requests.Module request, @Parameter(hidden = true) Actor actor) {
        return courses.replaceModule(id, moduleId, request, actor);
    }

    @Delete("/{id}/modules/{moduleId}")
    CourseView removeModule(@PathVariable long id, @PathVariable long moduleId, @Parameter(hidden = true) Actor actor) {
        return courses.removeModule(id, moduleId, actor);
    }

    @Delete("/{id}/draft")
    @Operation(summary = "Discard the draft revision a change to a published course opened; the published revision stays as it was")
    CourseView discardDraft(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return courses.discardDraft(id, actor);
    }

    @Post("/{id}/trainers")
    @Operation(summary = "Name a co-trainer (owner or admin only)")
    CourseView addTrainer(@PathVariable long id, @Body Requests.Trainer request, @Parameter(hidden = true) Actor actor) {
        return courses.addTrainer(id, request, actor);
    }

    @Delete("/{id}/trainers/{username}")
    CourseView removeTrainer(@PathVariable long id, @PathVariable String username, @Parameter(hidden = true) Actor actor) {
        return courses.removeTrainer(id, username, actor);
    }

    @Post("/{id}/publish")
    @Operation(summary = "Publish the draft plan; 422 names what is missing")
    CourseView publish(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return courses.publish(id, actor);
    }

    @Post("/{id}/archive")
    CourseView archive(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return courses.archive(id, actor);
    }
}
