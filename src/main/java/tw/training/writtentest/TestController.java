package tw.training.writtentest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.account.Actor;
import tw.training.web.PlainText;
import tw.training.account.Roles;

import java.net.URI;
import java.util.List;

/** SPEC §11: a course's written tests, and the attempts learners make at them. */
@PlainText
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "written tests")
class TestController {

    private final TestService tests;
    private final AttemptService attempts;

    TestController(TestService tests, AttemptService attempts) {
        this.tests = tests;
        this.attempts = attempts;
    }

    @Get("/api/courses/{id}/tests")
    @Operation(summary = "The course's tests: all for its trainers; for a learner those of their plan, with their own attempts")
    List<TestViews.Test> list(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return tests.list(id, actor);
    }

    @Post("/api/courses/{id}/tests")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    @Operation(summary = "Define a test: {title, timeLimitMinutes, maxAttempts, indicators: [{indicator, items, passMark}]}")
    @Status(HttpStatus.CREATED)
    HttpResponse<TestViews.Test> create(@PathVariable long id, @Body TestViews.NewTest test, @Parameter(hidden = true) Actor actor) {
        TestViews.Test created = tests.create(id, test, actor);
        return HttpResponse.created(created, URI.create("/api/tests/" + created.id()));
    }

    @Get("/api/tests/{testId}")
    @Operation(summary = "A test (for a learner, with their attempts and how many are left)")
    TestViews.Test get(@PathVariable long testId, @Parameter(hidden = true) Actor actor) {
        return tests.get(testId, actor);
    }

    @Put("/api/tests/{testId}")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    @Operation(summary = "Replace a test nobody has attempted (409 once someone has)")
    TestViews.Test change(@PathVariable long testId, @Body TestViews.NewTest test, @Parameter(hidden = true) Actor actor) {
        return tests.change(testId, test, actor);
    }

    @Get("/api/tests/{testId}/results")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    @Operation(summary = "Per item drawn in closed attempts: how often it was answered correctly (to spot bad items)")
    TestViews.Results results(@PathVariable long testId, @Parameter(hidden = true) Actor actor) {
        return tests.results(testId, actor);
    }

    @Post("/api/tests/{testId}/attempts")
    @Operation(summary = "The learner starts an attempt: its own random draw and order, and a deadline the server keeps")
    @Status(HttpStatus.CREATED)
    HttpResponse<AttemptViews.Attempt> start(@PathVariable long testId, @Parameter(hidden = true) Actor actor) {
        AttemptViews.Attempt attempt = attempts.start(testId, actor);
        return HttpResponse.created(attempt, URI.create("/api/attempts/" + attempt.id()));
    }
}
