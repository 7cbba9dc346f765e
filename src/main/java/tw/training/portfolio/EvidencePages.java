package tw.training.portfolio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.web.PlainText;
import tw.training.account.Actor;
import tw.training.course.AssessmentMethod;
import tw.training.enrollment.EnrollmentService;
import tw.training.enrollment.EnrollmentView;
import tw.training.evidence.EvidenceIntake;
import tw.training.evidence.EvidenceService;
import tw.training.evidence.FileResponse;
import tw.training.evidence.FormFields;
import tw.training.evidence.Views;
import tw.training.page.Csrf;
import tw.training.page.Messages;
import tw.training.page.PageRequests;
import tw.training.page.Pages;
import tw.training.problem.DomainException;
import tw.training.problem.InvalidInputException;
import tw.training.problem.PayloadTooLargeException;
import tw.training.problem.UnsupportedContentException;
import tw.training.progress.ProgressService;
import tw.training.progress.ProgressView;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Submitting evidence, the learner's portfolio, a piece of evidence with its files and judgements, withdrawing it. */
@Hidden
@PlainText
@Controller
// pages answer browsers, whose Accept may name HTML alone (the page's script asks for JSON)
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured(SecurityRule.IS_AUTHENTICATED)
class EvidencePages {

    private final EvidenceService evidence;
    private final EvidenceIntake intake;
    private final EnrollmentService enrollments;
    private final ProgressService progress;
    private final Pages pages;
    private final java.time.Clock clock;

    EvidencePages(EvidenceService evidence, EvidenceIntake intake, EnrollmentService enrollments, ProgressService progress, Pages pages,
                  java.time.Clock clock) {
        this.clock = clock;
        this.evidence = evidence;
        this.intake = intake;
        this.enrollments = enrollments;
        this.progress = progress;
        this.pages = pages;
    }

    @Get("/enrollments/{id}/evidence/new")
    HttpResponse<String> form(HttpRequest<?> request, @PathVariable long id, Actor actor) {
        return formPage(request, HttpStatus.OK, id, actor, Filled.EMPTY, Map.of());
    }

    /**
     * The form posted as multipart, read as a stream like the API's submission. Without script, a refusal shows the
     * form again as filled, each error beside its field; the page's script (which reports each file's progress) and
     * htmx get the problem itself.
     */
    @Post(value = "/enrollments/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> submit(HttpRequest<?> request, @PathVariable long id, Actor actor) throws IOException {
        FormFields form = new FormFields(token -> Csrf.require(request, token));
        try {
            EvidenceService.Received received = intake.receive(id, request, form, actor);
            String location = "/evidence/" + received.evidence().id() + (received.repeated() ? "?again" : "?submitted");
            return PageRequests.isScripted(request) ? HttpResponse.created(Map.of("location", location)) : Pages.redirect(location);
        } catch (InvalidInputException | PayloadTooLargeException | UnsupportedContentException refused) {
            if (PageRequests.isScripted(request)) {
                throw refused;
            }
            Filled filled = new Filled(form.method(), form.title(), form.description(), Set.copyOf(form.indicators()), form.performedOn());
            HttpStatus status = refused instanceof PayloadTooLargeException ? HttpStatus.REQUEST_ENTITY_TOO_LARGE
                    : refused instanceof UnsupportedContentException ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.UNPROCESSABLE_ENTITY;
            return formPage(request, status, id, actor, filled, errors(refused, Pages.messages(request)));
        }
    }

    /** The plan's indicators one assessment method assesses: those a piece of evidence of that method may claim. */
    public record MethodGroup(String method, List<ProgressView.IndicatorProgress> indicators) {
    }

    /** What the learner had filled in, shown again when the form is refused. */
    public record Filled(String method, String title, String description, Set<String> indicators, String performedOn) {
        static final Filled EMPTY = new Filled("", "", "", Set.of(), "");

        public Filled {
            performedOn = performedOn == null ? "" : performedOn;
            method = method == null ? "" : method;
            title = title == null ? "" : title;
            description = description == null ? "" : description;
        }
    }

    private MutableHttpResponse<String> formPage(HttpRequest<?> request, HttpStatus status, long id, Actor actor, Filled filled,
                                                 Map<String, String> errors) {
        ProgressView plan = progress.enrollment(id, actor);
        Map<AssessmentMethod, List<ProgressView.IndicatorProgress>> byMethod = new EnumMap<>(AssessmentMethod.class);
        for (ProgressView.IndicatorProgress indicator : plan.indicators()) {
            for (AssessmentMethod method : indicator.requiredMethods()) {
                byMethod.computeIfAbsent(method, m -> new java.util.ArrayList<>()).add(indicator);
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("enrollment", enrollments.get(id, actor));
        model.put("groups", byMethod.entrySet().stream().map(group -> new MethodGroup(group.getKey().name(), group.getValue())).toList());
        model.put("filled", filled);
        model.put("errors", errors);
        model.put("maxFileSize", intake.maxFileSize());
        model.put("maxFileSizeText", PayloadTooLargeException.size(intake.maxFileSize()));
        model.put("maxFiles", intake.maxFiles());
        model.put("submissionKey", tw.training.secret.CookieTokens.fresh());
        model.put("today", java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Taipei"))).toString());
        return pages.render(request, status, "evidence-form.ftlh", model);
    }

    /** The service names fields as the API has them ({@code metadata.title}, {@code file[1]}); the form has its own. */
    private static Map<String, String> errors(DomainException refused, Messages messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (refused instanceof InvalidInputException invalid) {
            invalid.errors().forEach(error -> {
                String field = error.field() == null ? "form" : error.field().replaceFirst("^metadata\\.", "").replaceFirst("\\[\\d+]$", "");
                errors.merge(field.equals("file") ? "files" : field, messages.getOr("evidence.error." + field, messages.say(error.phrase())),
                        (first, next) -> first);
            });
        } else {
            errors.put("files", messages.get("evidence.error.file", messages.say(refused.phrase())));
        }
        return errors;
    }

    @Get("/portfolio{?course,method,state}")
    HttpResponse<String> portfolio(HttpRequest<?> request, @Nullable @QueryValue Long course, @Nullable @QueryValue String method,
                                   @Nullable @QueryValue String state, Actor actor) {
        List<EnrollmentView> mine = enrollments.mine(actor);
        Map<Long, EnrollmentView> byId = new HashMap<>();
        mine.forEach(enrollment -> byId.put(enrollment.id(), enrollment));
        List<Portfolio.Entry> entries = Portfolio.entries(evidence.mine(actor), byId).stream()
                .filter(entry -> course == null || entry.enrollment().course().id() == course)
                .filter(entry -> method == null || method.isBlank() || entry.evidence().method().name().equals(method))
                .filter(entry -> state == null || state.isBlank() || entry.state().name().equals(state))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("entries", entries);
        model.put("courses", mine.stream().map(EnrollmentView::course).distinct().toList());
        model.put("methods", AssessmentMethod.values());
        model.put("states", Portfolio.State.values());
        model.put("chosen", Map.of("course", course == null ? "" : course.toString(), "method", method == null ? "" : method,
                "state", state == null ? "" : state));
        // htmx asks for the list alone when a filter changes
        return pages.render(request, request.getHeaders().contains("HX-Request") ? "portfolio-list.ftlh" : "portfolio.ftlh", model);
    }

    @Get("/evidence/{id}{?submitted,again}")
    HttpResponse<String> evidence(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String submitted,
                                  @Nullable @QueryValue String again, Actor actor) {
        Views.Evidence piece = evidence.get(id, actor);
        EnrollmentView enrollment = enrollments.get(piece.enrollmentId(), actor);
        return pages.render(request, "evidence.ftlh", Map.of("evidence", piece, "enrollment", enrollment,
                "state", Portfolio.state(piece), "submitted", submitted != null, "again", again != null));
    }

    @Post(value = "/evidence/{id}/withdrawal", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> withdraw(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form, Actor actor) {
        Csrf.require(request, form.get(Csrf.FIELD));
        evidence.withdraw(id, actor);
        return Pages.redirect("/evidence/" + id);
    }

    @Get("/evidence/{id}/files/{fileId}{?inline}")
    @Produces(MediaType.ALL)
    HttpResponse<?> file(HttpRequest<?> request, @PathVariable long id, @PathVariable long fileId, @Nullable @QueryValue String inline,
                         Actor actor) throws IOException {
        return FileResponse.of(evidence.download(id, fileId, actor), request.getHeaders(), inline != null);
    }
}
