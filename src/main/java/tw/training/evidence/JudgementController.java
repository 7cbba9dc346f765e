package tw.training.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.metrics.BusinessMetrics;
import tw.training.account.Roles;
import tw.training.problem.InvalidInputException;
import tw.training.web.PlainText;

import java.util.List;

/** SPEC §4: judgements, one at a time or many at once, and the queue of evidence awaiting them. */
@PlainText
@Controller
@Secured({Roles.TRAINER, Roles.ADMIN})
@Tag(name = "evidence")
class JudgementController {

    private static final int MAX_QUEUE = 1000;

    private final JudgementService judgements;
    private final BusinessMetrics metrics;

    JudgementController(JudgementService judgements, BusinessMetrics metrics) {
        this.judgements = judgements;
        this.metrics = metrics;
    }

    /** How many judgements a batch recorded. */
    @Serdeable
    record BatchResult(int recorded) {
    }

    @Post("/api/evidence/{id}/judgements")
    @Operation(summary = "Judge one claimed indicator MET or NOT_YET; appended to the evidence's history")
    @Status(HttpStatus.CREATED)
    HttpResponse<Views.Judgement> judge(@PathVariable long id, @Body Views.JudgeRequest request, @Parameter(hidden = true) Actor actor) {
        Views.Judgement judgement = judgements.judge(id, request, actor);
        metrics.judgementsRecorded(1);
        return HttpResponse.created(judgement);
    }

    @Post("/api/courses/{id}/judgements")
    @Operation(summary = "Many judgements of the course's evidence at once: all recorded or none")
    @Status(HttpStatus.CREATED)
    HttpResponse<BatchResult> judgeAll(@PathVariable long id, @Body @Nullable List<Views.BatchJudgement> batch, @Parameter(hidden = true) Actor actor) {
        int recorded = judgements.judgeAll(id, batch, actor);
        metrics.judgementsRecorded(recorded);
        return HttpResponse.created(new BatchResult(recorded));
    }

    @Get("/api/courses/{id}/evidence/awaiting")
    @Operation(summary = "Evidence with claimed indicators nobody has judged, oldest first; filter by method, learner, indicator")
    List<Views.Awaiting> awaiting(@PathVariable long id, @QueryValue @Nullable String method, @QueryValue @Nullable String learner,
                                  @QueryValue @Nullable String indicator, @QueryValue @Nullable Integer limit, @Parameter(hidden = true) Actor actor) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_QUEUE) {
            throw InvalidInputException.of("limit", "evidence.limit-must-between", MAX_QUEUE);
        }
        return judgements.awaiting(id, method, learner, indicator, size, actor);
    }
}
