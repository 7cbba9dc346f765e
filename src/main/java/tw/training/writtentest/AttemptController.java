package tw.training.writtentest;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.web.PlainText;

/** SPEC §11: an attempt, its answers and its submission. */
@PlainText
@Controller("/api/attempts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "written tests")
class AttemptController {

    private final AttemptService attempts;

    AttemptController(AttemptService attempts) {
        this.attempts = attempts;
    }

    @Get("/{attemptId}")
    @Operation(summary = "An attempt with its items in its own order and the answers saved so far; the key and scores only once it is closed")
    AttemptViews.Attempt get(@PathVariable long attemptId, @Parameter(hidden = true) Actor actor) {
        return attempts.get(attemptId, actor);
    }

    @Put("/{attemptId}/answers/{itemId}")
    @Operation(summary = "Save one answer ({choices: [option ids]} or {text}); refused (409) once the attempt is closed or its time is up")
    AttemptViews.Saved answer(@PathVariable long attemptId, @PathVariable long itemId, @Body AttemptViews.Answer answer,
                              @Parameter(hidden = true) Actor actor) {
        return attempts.answer(attemptId, itemId, answer, actor);
    }

    @Post("/{attemptId}/submission")
    @Operation(summary = "Submit: the attempt closes, is scored and recorded as WRITTEN_TEST evidence with the system's judgements; again changes nothing")
    AttemptViews.Attempt submit(@PathVariable long attemptId, @Parameter(hidden = true) Actor actor) {
        return attempts.submit(attemptId, actor);
    }
}
