package tw.training.revision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.problem.InvalidInputException;
import tw.training.web.PlainText;

import java.util.List;

/** Issue 35: learners moved onto the newest published revision of their course, with what carried; and moves reverted. */
@PlainText
@Controller("/api")
@Secured({Roles.TRAINER, Roles.ADMIN})
@Tag(name = "revision")
class LearnerMoveController {

    private final LearnerMoves moves;

    LearnerMoveController(LearnerMoves moves) {
        this.moves = moves;
    }

    /**
     * Which learners (all of the course's when absent), and whether only to say what would happen. {@code dryRun} is read
     * as it came: a Boolean would take "perhaps" for false, and a mistyped dry run would move everyone for real.
     */
    @Serdeable
    record MoveBody(@Nullable List<Long> enrollments, @Nullable Object dryRun) {

        boolean isDryRun() {
            if (dryRun == null || dryRun instanceof Boolean) {
                return Boolean.TRUE.equals(dryRun);
            }
            throw InvalidInputException.of("dryRun", "revision.dry-run-true-or-false");
        }
    }

    @Post("/courses/{id}/learner-moves")
    @Operation(summary = "Move learners onto the course's published revision through the confirmed crosswalks (dryRun: only say, per learner,"
            + " what carries, what reopens, what is lost and what is new). Idempotent: learners already there are left alone. 409 when a step"
            + " of a version chain has no confirmed crosswalk")
    LearnerMoves.Run move(@PathVariable long id, @Body MoveBody body, @Parameter(hidden = true) Actor actor) {
        return moves.move(id, body.enrollments(), body.isDryRun(), actor);
    }

    @Get("/courses/{id}/learner-moves")
    @Operation(summary = "The course's learner moves, newest first, with who made and who reverted them")
    List<LearnerMove.Record> history(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return moves.history(id, actor);
    }

    @Post("/learner-moves/{id}/reversal")
    @Operation(summary = "Revert a learner's latest move: back on the revision they came from, the carried judgements no longer counting."
            + " 409 once anything was recorded for the learner after the move; reverting again changes nothing")
    LearnerMove.Record revert(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return moves.revert(id, actor);
    }
}
