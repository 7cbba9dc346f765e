package tw.training.moderation;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.web.PlainText;

/** Issue 34: a course's validation plan. */
@PlainText
@Controller("/api/courses/{id}")
@Secured({Roles.TRAINER, Roles.ADMIN})
@Tag(name = "moderation")
class ModerationController {

    private final ValidationPlans plans;

    ModerationController(ValidationPlans plans) {
        this.plans = plans;
    }

    @Get("/validation-plan")
    @Operation(summary = "The course's validation plan: last validated, next due, validator, complaint, and the risk triggers since")
    ValidationPlans.PlanView plan(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return plans.get(id, actor);
    }

    @Put("/validation-plan")
    @Operation(summary = "Set the validation plan (the course's lead trainer or an administrator); nextDue defaults to three years after lastValidated")
    ValidationPlans.PlanView setPlan(@PathVariable long id, @Body ValidationPlans.PlanBody body, @Parameter(hidden = true) Actor actor) {
        return plans.set(id, body, actor);
    }
}
