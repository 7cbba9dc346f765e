package tw.training.revision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.course.CourseView;
import tw.training.web.PlainText;

/** Issue 35: a course's plan moved to a newer version of a document through a confirmed crosswalk. */
@PlainText
@Controller("/api/courses/{id}/migration")
@Secured({Roles.TRAINER, Roles.ADMIN})
@Tag(name = "revision")
class CourseMigrationController {

    private final CourseMigrations migrations;

    CourseMigrationController(CourseMigrations migrations) {
        this.migrations = migrations;
    }

    /** The crosswalk to move through. */
    @Serdeable
    record MigrateBody(@Nullable Long crosswalk) {
    }

    @Post
    @Operation(summary = "Move the course's plan through a confirmed crosswalk into its draft: methods carried where EQUIVALENT, carried and"
            + " flagged for review where PARTIAL, NEW indicators of whole tasks added without a method; answers the draft. Moving it again"
            + " changes nothing; publishing stays the trainer's decision")
    CourseView migrate(@PathVariable long id, @Body MigrateBody body, @Parameter(hidden = true) Actor actor) {
        return migrations.migrate(id, body.crosswalk(), actor);
    }
}
