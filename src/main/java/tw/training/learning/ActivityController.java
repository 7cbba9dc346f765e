package tw.training.learning;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.account.Roles;

/** SPEC §11: learning activity, beside competency progress. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "learning")
class ActivityController {

    private final ActivityService activity;

    ActivityController(ActivityService activity) {
        this.activity = activity;
    }

    @Get("/api/enrollments/{id}/activity")
    @Operation(summary = "The materials of the enrollment's revision the learner studied, per module and in all: for the learner, the course's trainers and admins")
    ActivityViews.Enrollment ofEnrollment(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return activity.ofEnrollment(id, actor);
    }

    @Get("/api/courses/{id}/activity")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    @Operation(summary = "Every learner's share of the materials studied, per module: for the course's trainers and admins")
    ActivityViews.Cohort ofCourse(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return activity.ofCourse(id, actor);
    }
}
