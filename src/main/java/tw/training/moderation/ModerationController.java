package tw.training.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.evidence.FileResponse;
import tw.training.phrase.Languages;
import tw.training.web.PlainText;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Issue 34: a course's validation plan, its moderators, its samples and their second marking, its assessor statistics. */
@PlainText
@Controller
@Secured({Roles.TRAINER, Roles.ADMIN})
@Tag(name = "moderation")
class ModerationController {

    private final ValidationPlans plans;
    private final Moderators moderators;
    private final Samples samples;
    private final SecondMarking marking;
    private final AssessorReport statistics;

    ModerationController(ValidationPlans plans, Moderators moderators, Samples samples, SecondMarking marking, AssessorReport statistics) {
        this.plans = plans;
        this.moderators = moderators;
        this.samples = samples;
        this.marking = marking;
        this.statistics = statistics;
    }

    @Get("/api/courses/{id}/validation-plan")
    @Operation(summary = "The course's validation plan: last validated, next due, validator, complaint, and the risk triggers since")
    ValidationPlans.PlanView plan(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return plans.get(id, actor);
    }

    @Put("/api/courses/{id}/validation-plan")
    @Operation(summary = "Set the validation plan (the course's lead trainer or an administrator); nextDue defaults to three years after lastValidated")
    ValidationPlans.PlanView setPlan(@PathVariable long id, @Body ValidationPlans.PlanBody body, @Parameter(hidden = true) Actor actor) {
        return plans.set(id, body, actor);
    }

    @Get("/api/courses/{id}/moderators")
    @Operation(summary = "The course's moderators (trainers given the role MODERATOR on it)")
    List<Moderators.Moderator> moderators(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return moderators.of(id, actor);
    }

    @Put("/api/courses/{id}/moderators/{username}")
    @Operation(summary = "Give a trainer who does not lead the course the role MODERATOR on it (its lead trainer or an administrator)")
    List<Moderators.Moderator> grant(@PathVariable long id, @PathVariable String username, @Parameter(hidden = true) Actor actor) {
        return moderators.grant(id, username, actor);
    }

    @Delete("/api/courses/{id}/moderators/{username}")
    @Operation(summary = "Take the role MODERATOR on the course back")
    List<Moderators.Moderator> revoke(@PathVariable long id, @PathVariable String username, @Parameter(hidden = true) Actor actor) {
        return moderators.revoke(id, username, actor);
    }

    @Get("/api/courses/{id}/moderation/samples")
    @Operation(summary = "The course's moderation samples, newest first, with how far their second marking has gone")
    List<SampleViews.Listed> samples(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return samples.of(id, actor);
    }

    @Post("/api/courses/{id}/moderation/samples")
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Draw a sample of the period's judgements: size n = z²p(1−p)/e² with the finite-population correction, stratified by"
            + " assessor and indicator, drawn by SHA-256(seed ‖ judgement id); the seed and the population's hash are recorded")
    SampleViews.Sample draw(@PathVariable long id, @Body Samples.DrawBody body, @Parameter(hidden = true) Actor actor) {
        return samples.draw(id, body, actor);
    }

    @Get("/api/moderation/samples/{id}")
    @Operation(summary = "A sample with its items; an item's first marking is shown only once it has been second-marked")
    SampleViews.Sample sample(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return samples.get(id, actor);
    }

    @Get("/api/moderation/samples/{id}/population")
    @Operation(summary = "The sample's recorded population with its strata, its hash, the seed and the judgements drawn: an auditor redraws from it")
    SampleViews.Population population(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return samples.population(id, actor);
    }

    @Get("/api/moderation/items/{id}")
    @Operation(summary = "A sampled judgement with its evidence and files; its first marking only once it has been second-marked")
    SampleViews.Item item(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return marking.item(id, actor);
    }

    @Get("/api/moderation/items/{id}/files/{fileId}")
    @Operation(summary = "A file of the sampled evidence")
    HttpResponse<?> file(HttpRequest<?> request, @PathVariable long id, @PathVariable long fileId, @Parameter(hidden = true) Actor actor)
            throws IOException {
        return FileResponse.of(marking.file(id, fileId, actor), request.getHeaders(), false);
    }

    @Post("/api/moderation/items/{id}/second-marking")
    @Operation(summary = "The moderator's blind second marking: MET or NOT_YET, with a comment; recorded once")
    SampleViews.Item secondMark(@PathVariable long id, @Body SecondMarking.SecondBody body, @Parameter(hidden = true) Actor actor) {
        return marking.secondMark(id, body, actor);
    }

    @Post("/api/moderation/items/{id}/resolution")
    @Operation(summary = "Resolve a disagreement (the lead trainer or a third marker): recorded as a new judgement with the reason as its comment")
    SampleViews.Item resolve(@PathVariable long id, @Body SecondMarking.ResolutionBody body, @Parameter(hidden = true) Actor actor) {
        return marking.resolve(id, body, actor);
    }

    @Get("/api/courses/{id}/assessor-statistics{?from,to}")
    @Operation(summary = "Each assessor against the others: first-attempt MET rate by indicator (Mantel–Haenszel, Holm), and on second-marked"
            + " pairs Cohen's κ and exact McNemar; each with its reading in words (Accept-Language)")
    AssessorReport.Answer statistics(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                     @Parameter(hidden = true) Actor actor) {
        Locale locale = Languages.accepted(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE)).orElse(Locale.ENGLISH);
        return AssessorReport.answer(statistics.of(id, from, to, actor), locale);
    }
}
