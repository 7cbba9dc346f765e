package tw.training.writtentest;

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
import tw.training.course.AssessmentMethod;
import tw.training.course.CourseService;
import tw.training.enrollment.EnrollmentService;
import tw.training.page.Csrf;
import tw.training.page.FieldErrors;
import tw.training.page.Form;
import tw.training.page.MultipartForm;
import tw.training.page.Pages;
import tw.training.problem.ConflictException;
import tw.training.problem.NotFoundException;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.web.PlainText;
import tw.training.web.TextUpload;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Written tests as pages. Trainers: the course's item bank (a CSV or GIFT file imported; each line at fault listed) and its
 * tests (one defined per the plan's WRITTEN_TEST indicators), and per test how each item fared. Learners: a test, its
 * attempts and the start of one; an attempt as a form of native inputs (keyboard usable) whose answers the page's
 * script saves as they change, with a countdown to the server's deadline; once closed, the attempt scored.
 */
@Hidden
@PlainText
@Controller
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured(SecurityRule.IS_AUTHENTICATED)
class TestPages {

    private final ItemBank bank;
    private final TestService tests;
    private final AttemptService attempts;
    private final CourseService courses;
    private final EnrollmentService enrollments;
    private final Pages pages;

    TestPages(ItemBank bank, TestService tests, AttemptService attempts, CourseService courses, EnrollmentService enrollments, Pages pages) {
        this.bank = bank;
        this.tests = tests;
        this.attempts = attempts;
        this.courses = courses;
        this.enrollments = enrollments;
        this.pages = pages;
    }

    @Get("/courses/{id}/tests")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    HttpResponse<String> course(HttpRequest<?> request, @PathVariable long id, Actor actor) {
        return coursePage(request, HttpStatus.OK, id, actor, Map.of(), List.of(), null);
    }

    @Post(value = "/courses/{id}/items/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({Roles.TRAINER, Roles.ADMIN})
    MutableHttpResponse<?> importItems(HttpRequest<?> request, @PathVariable long id, Actor actor) throws IOException {
        courses.requireTrainer(id, actor);
        String[] format = {"GIFT"};
        String[] text = {null};
        MultipartForm.read(request, part -> {
            if (part.name().equals("format")) {
                format[0] = part.text(16).strip().toUpperCase();
            } else if (part.name().equals("file") && text[0] == null) {
                text[0] = TextUpload.decode(TextUpload.bounded(part.content(), "the item file"), TextUpload.charsetOf(part.contentType()));
            }
        });
        try {
            if (text[0] == null) {
                throw InvalidInputException.of("file", "writtentest.choose-csv-gift-file");
            }
            ItemViews.Imported imported = bank.importFile(id, text[0], format[0].equals("CSV") ? ItemBank.Format.CSV : ItemBank.Format.GIFT, actor);
            return Pages.redirect("/courses/" + id + "/tests?imported=" + imported.imported());
        } catch (InvalidInputException refused) {
            return coursePage(request, HttpStatus.UNPROCESSABLE_ENTITY, id, actor, Map.of(), refused.errors(), null);
        }
    }

    /**
     * One item from the form: options one per line, a line starting with {@code *} correct; a true/false item's answer;
     * a short answer's model answer; the indicators ticked.
     */
    @Post(value = "/courses/{id}/items", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.TRAINER, Roles.ADMIN})
    MutableHttpResponse<?> addItem(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        List<ItemViews.NewOption> options = new ArrayList<>();
        for (String line : form.get("options").split("\\R")) {
            if (!line.isBlank()) {
                boolean correct = line.strip().startsWith("*");
                options.add(new ItemViews.NewOption(correct ? line.strip().substring(1) : line, correct));
            }
        }
        String answer = form.get("answer");
        try {
            ItemViews.Item item = bank.add(id, new ItemViews.NewItem(form.get("kind"), form.get("stem"), options.isEmpty() ? null : options,
                    answer.isEmpty() ? null : Boolean.valueOf(answer), form.get("modelAnswer"), form.all("indicators")), actor);
            return Pages.redirect("/courses/" + id + "/tests#item-" + item.id());
        } catch (InvalidInputException refused) {
            Map<String, String> errors = new HashMap<>();
            FieldErrors.of(refused, "item", request).forEach((field, message) -> errors.put("item-" + field, message));
            return coursePage(request, HttpStatus.UNPROCESSABLE_ENTITY, id, actor, errors, List.of(), null, form.sent());
        }
    }

    /** An item deleted, or retired if an attempt drew it. */
    @Post(value = "/items/{itemId}/removal", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.TRAINER, Roles.ADMIN})
    MutableHttpResponse<?> removeItem(HttpRequest<?> request, @PathVariable long itemId, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        long course = form.number("course");
        bank.remove(itemId, actor);
        return Pages.redirect("/courses/" + course + "/tests#bank");
    }

    /** A test from the form: per WRITTEN_TEST indicator of the plan, {@code items-<id>} (0 leaves it out) and {@code passMark-<id>}. */
    @Post(value = "/courses/{id}/tests", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.TRAINER, Roles.ADMIN})
    MutableHttpResponse<?> create(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        List<TestViews.NewTested> indicators = new ArrayList<>();
        for (String indicator : form.suffixes("items-")) {
            Integer items = number(form.get("items-" + indicator));
            if (items == null || items > 0) {
                indicators.add(new TestViews.NewTested(indicator, items, number(form.get("passMark-" + indicator))));
            }
        }
        try {
            TestViews.Test test = tests.create(id, new TestViews.NewTest(form.get("title"), number(form.get("timeLimitMinutes")),
                    number(form.get("maxAttempts")), indicators, form.get("showCorrect"), form.get("showKey"), taipei(form.get("closesAt"))), actor);
            return Pages.redirect("/courses/" + id + "/tests#test-" + test.id());
        } catch (InvalidInputException refused) {
            return coursePage(request, HttpStatus.UNPROCESSABLE_ENTITY, id, actor, FieldErrors.of(refused, "test", request), List.of(), form);
        }
    }

    @Get("/tests/{testId}/results")
    @Secured({Roles.TRAINER, Roles.ADMIN})
    HttpResponse<String> results(HttpRequest<?> request, @PathVariable long testId, Actor actor) {
        TestViews.Test test = tests.get(testId, actor);
        return pages.render(request, "test-results.ftlh", Map.of("test", test, "results", tests.results(testId, actor),
                "course", courses.get(test.courseId(), actor)));
    }

    @Get("/tests/{testId}")
    HttpResponse<String> test(HttpRequest<?> request, @PathVariable long testId, Actor actor) {
        return testPage(request, HttpStatus.OK, testId, actor, null);
    }

    @Post(value = "/tests/{testId}/attempts", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> start(HttpRequest<?> request, @PathVariable long testId, @Body @Nullable String body, Actor actor) {
        Form.of(body).checked(request);
        try {
            return Pages.redirect("/attempts/" + attempts.start(testId, actor).id());
        } catch (ConflictException refused) {
            return testPage(request, HttpStatus.CONFLICT, testId, actor, FieldErrors.of(refused, request));
        }
    }

    @Get("/attempts/{attemptId}")
    HttpResponse<String> attempt(HttpRequest<?> request, @PathVariable long attemptId, Actor actor) {
        return attemptPage(request, HttpStatus.OK, attempts.get(attemptId, actor), actor, null);
    }

    /**
     * The attempt a written test's evidence records: the evidence holds no text of the system's, so its page links here
     * and the attempt says, in the reader's language, what was asked and answered. Whether the reader may see it is
     * the attempt's own rule; an evidence no attempt recorded is not found.
     */
    @Get("/evidence/{evidenceId}/attempt")
    MutableHttpResponse<?> attemptOfEvidence(@PathVariable long evidenceId, Actor actor) {
        long attemptId = attempts.ofEvidence(evidenceId).orElseThrow(() -> new NotFoundException("evidence.evidence-not-found", evidenceId));
        attempts.get(attemptId, actor);
        return Pages.redirect("/attempts/" + attemptId);
    }

    /**
     * The attempt's form, by its {@code action}: {@code save} keeps every answer; {@code review} keeps them and asks
     * before submitting, saying how many items are unanswered; {@code submit} (that page's button) submits; {@code finish}
     * (the countdown at zero) keeps the answers and submits. Without script this is how answers are kept; with it, they
     * were saved already as they changed.
     */
    @Post(value = "/attempts/{attemptId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<?> request, @PathVariable long attemptId, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        AttemptViews.Attempt attempt = attempts.get(attemptId, actor);
        String action = form.get("action");
        try {
            if (attempt.status() == AttemptStatus.OPEN && !action.equals("submit")) {
                for (AttemptViews.Question question : attempt.items()) {
                    attempts.answer(attemptId, question.itemId(), answer(question, form.all("item-" + question.itemId())), actor);
                }
            }
            if (action.equals("review") && attempt.status() == AttemptStatus.OPEN) {
                AttemptViews.Attempt kept = attempts.get(attemptId, actor);
                long unanswered = kept.items().stream().filter(q -> (q.choices() == null || q.choices().isEmpty())
                        && (q.text() == null || q.text().isBlank())).count();
                return pages.render(request, "attempt-submit.ftlh", Map.of("attempt", kept, "unanswered", unanswered));
            }
            boolean submitting = action.equals("submit") || action.equals("finish");
            if (submitting) {
                attempts.submit(attemptId, actor);
            }
            return Pages.redirect("/attempts/" + attemptId + (submitting ? "" : "?saved"));
        } catch (ConflictException late) {
            return attemptPage(request, HttpStatus.CONFLICT, attempts.get(attemptId, actor), actor, FieldErrors.of(late, request));
        } catch (InvalidInputException refused) {
            return attemptPage(request, HttpStatus.UNPROCESSABLE_ENTITY, attempts.get(attemptId, actor), actor, FieldErrors.of(refused, request));
        }
    }

    /**
     * The page's script saves one answer as it changes (token in the header): {@code choice} values, or {@code text}.
     * Answers 204, whatever the client accepts (the API's route answers the saved answer as JSON).
     */
    @Post(value = "/attempts/{attemptId}/answers/{itemId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> answer(HttpRequest<?> request, @PathVariable long attemptId, @PathVariable long itemId, @Body @Nullable String body,
                           Actor actor) {
        Csrf.require(request, null);
        Form form = Form.of(body);
        AttemptViews.Question question = attempts.get(attemptId, actor).items().stream().filter(q -> q.itemId() == itemId).findFirst()
                .orElseThrow(() -> new tw.training.problem.NotFoundException("writtentest.attempt-has-no-item", attemptId, itemId));
        attempts.answer(attemptId, itemId, answer(question, form.all("item-" + itemId)), actor);
        return HttpResponse.noContent();
    }

    private static AttemptViews.Answer answer(AttemptViews.Question question, List<String> values) {
        if (question.kind() == ItemKind.SHORT_ANSWER) {
            return new AttemptViews.Answer(null, values.isEmpty() ? "" : values.get(0));
        }
        List<Integer> choices = new ArrayList<>();
        for (String value : values) {
            Integer choice = number(value);
            if (choice == null) {
                throw InvalidInputException.of("item-" + question.itemId(), "writtentest.not-option", value);
            }
            choices.add(choice);
        }
        return new AttemptViews.Answer(choices, null);
    }

    private MutableHttpResponse<String> coursePage(HttpRequest<?> request, HttpStatus status, long id, Actor actor, Map<String, String> errors,
                                                   List<InputError> importFaults, @Nullable Form filled) {
        return coursePage(request, status, id, actor, errors, importFaults, filled, Map.of());
    }

    /** @param item a refused item's form as it was filled */
    private MutableHttpResponse<String> coursePage(HttpRequest<?> request, HttpStatus status, long id, Actor actor, Map<String, String> errors,
                                                   List<InputError> importFaults, @Nullable Form filled, Map<String, List<String>> item) {
        Map<String, Object> model = new HashMap<>();
        model.put("item", item);
        model.put("course", courses.get(id, actor));
        model.put("items", bank.list(id, actor));
        model.put("tests", tests.list(id, actor));
        List<tw.training.course.PlanEntry> plan = courses.latestPlan(id);
        model.put("plan", plan);
        model.put("written", plan.stream().filter(e -> e.methods().contains(AssessmentMethod.WRITTEN_TEST)).toList());
        model.put("kinds", ItemKind.values());
        model.put("errors", errors);
        model.put("importFaults", importFaults);
        model.put("imported", request.getParameters().get("imported", String.class).orElse(""));
        Map<String, String> values = new HashMap<>();
        if (filled != null) {
            for (String field : List.of("title", "timeLimitMinutes", "maxAttempts", "showCorrect", "showKey", "closesAt")) {
                values.put(field, filled.get(field));
            }
            filled.suffixes("items-").forEach(i -> values.put("items-" + i, filled.get("items-" + i)));
            filled.suffixes("passMark-").forEach(i -> values.put("passMark-" + i, filled.get("passMark-" + i)));
        }
        model.put("filled", values);
        return pages.render(request, status, "tests.ftlh", model);
    }

    private MutableHttpResponse<String> testPage(HttpRequest<?> request, HttpStatus status, long testId, Actor actor, @Nullable String refusal) {
        TestViews.Test test = tests.get(testId, actor);
        Map<String, Object> model = new HashMap<>();
        model.put("test", test);
        model.put("refusal", refusal == null ? "" : refusal);
        model.put("open", test.attempts() == null ? List.of() : test.attempts().stream().filter(a -> a.status() == AttemptStatus.OPEN).toList());
        enrollments.own(test.courseId(), actor).ifPresent(own -> model.put("enrollment", own.id()));
        return pages.render(request, status, "test.ftlh", model);
    }

    private MutableHttpResponse<String> attemptPage(HttpRequest<?> request, HttpStatus status, AttemptViews.Attempt attempt, Actor actor,
                                                    @Nullable String refusal) {
        Map<String, Object> model = new HashMap<>();
        model.put("attempt", attempt);
        model.put("refusal", refusal == null ? "" : refusal);
        model.put("saved", request.getParameters().contains("saved"));
        enrollments.own(tests.get(attempt.testId(), actor).courseId(), actor).ifPresent(own -> model.put("enrollment", own.id()));
        return pages.render(request, status, attempt.status() == AttemptStatus.OPEN ? "attempt.ftlh" : "attempt-result.ftlh", model);
    }

    /** A datetime-local field ("2026-12-31T17:00"), read as Taipei time; blank is none. */
    private static @Nullable java.time.Instant taipei(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(value.strip()).atZone(java.time.ZoneId.of("Asia/Taipei")).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.of("closesAt", "writtentest.not-date-time", value);
        }
    }

    private static @Nullable Integer number(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
