package tw.training.revision;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.catalogue.CatalogueService;
import tw.training.catalogue.FamilyMember;
import tw.training.course.CourseRef;
import tw.training.course.CourseService;
import tw.training.course.PlanEntry;
import tw.training.page.FieldErrors;
import tw.training.page.Form;
import tw.training.page.Pages;
import tw.training.problem.DomainException;
import tw.training.problem.NotFoundException;
import tw.training.web.PlainText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A course's page for a revised standard (issue 35), for its trainers: the plan moved through a confirmed crosswalk into
 * the draft (publishing it stays in the builder), then its learners — what each would carry, reopen, lose and find
 * new, as a dry run, and the move of them all, asked before it is made — and the moves made, each revertible while
 * nothing was recorded after it. A refusal (a link of a version chain unconfirmed, a move that can no longer be
 * reverted) is said on the page in the reader's language.
 */
@Hidden
@PlainText
@Controller("/courses/{id}/revision")
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured({Roles.TRAINER, Roles.ADMIN})
class RevisionPages {

    /** What a redirect after a form says was done (anything else in the address is ignored). */
    private static final Set<String> DONE = Set.of("migrated", "moved", "reverted");

    private final CourseService courses;
    private final CatalogueService catalogue;
    private final Crosswalks crosswalks;
    private final CourseMigrations migrations;
    private final LearnerMoves moves;
    private final Pages pages;

    RevisionPages(CourseService courses, CatalogueService catalogue, Crosswalks crosswalks, CourseMigrations migrations, LearnerMoves moves,
                  Pages pages) {
        this.courses = courses;
        this.catalogue = catalogue;
        this.crosswalks = crosswalks;
        this.migrations = migrations;
        this.moves = moves;
        this.pages = pages;
    }

    @Get("{?done}")
    HttpResponse<String> page(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String done, Actor actor) {
        return page(request, HttpStatus.OK, id, done != null && DONE.contains(done) ? done : null, null, actor);
    }

    @Post(value = "/migration", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> migrate(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        try {
            migrations.migrate(id, form.get("crosswalk").matches("\\d{1,18}") ? Long.valueOf(form.get("crosswalk")) : null, actor);
            return Pages.redirect("/courses/" + id + "/revision?done=migrated");
        } catch (DomainException refused) {
            return page(request, HttpStatus.CONFLICT, id, null, FieldErrors.of(refused, request), actor);
        }
    }

    @Post(value = "/moves", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> move(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form.of(body).checked(request);
        try {
            // the run is idempotent: the form sent twice moves each learner once
            moves.move(id, null, false, actor);
            return Pages.redirect("/courses/" + id + "/revision?done=moved");
        } catch (DomainException refused) {
            return page(request, HttpStatus.CONFLICT, id, null, FieldErrors.of(refused, request), actor);
        }
    }

    @Post(value = "/moves/{move}/reversal", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> revert(HttpRequest<?> request, @PathVariable long id, @PathVariable long move, @Body @Nullable String body, Actor actor) {
        Form.of(body).checked(request);
        // a move of this course only (the history also refuses strangers to it)
        if (moves.history(id, actor).stream().noneMatch(m -> m.id() == move)) {
            throw new NotFoundException("revision.no-move", move);
        }
        try {
            moves.revert(move, actor);
            return Pages.redirect("/courses/" + id + "/revision?done=reverted");
        } catch (DomainException refused) {
            return page(request, HttpStatus.CONFLICT, id, null, FieldErrors.of(refused, request), actor);
        }
    }

    /** A superseded document of the course's latest plan: the version after it, and the crosswalk between them if any. */
    public record Superseded(String from, String to, @Nullable Crosswalk.Header crosswalk) {
    }

    private MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, long id, @Nullable String done, @Nullable String refusal,
                                             Actor actor) {
        CourseRef course = courses.requireTrainer(id, actor);
        Map<String, Object> model = new HashMap<>();
        model.put("course", course);
        model.put("superseded", superseded(courses.latestPlan(id)));
        if (course.publishedRevisionId() != null) {
            try {
                model.put("run", moves.move(id, null, true, actor));
            } catch (DomainException refused) {
                model.put("dryRunRefusal", FieldErrors.of(refused, request));
            }
        }
        model.put("history", moves.history(id, actor));
        if (done != null) {
            model.put("done", done);
        }
        if (refusal != null) {
            model.put("refusal", refusal);
        }
        return pages.render(request, status, "revision.ftlh", model);
    }

    /** The documents of the plan that a newer version superseded, each with the crosswalk to that version if there is one. */
    private List<Superseded> superseded(List<PlanEntry> plan) {
        Set<String> documents = new TreeSet<>();
        plan.forEach(entry -> documents.add(entry.id().substring(0, entry.id().indexOf(':'))));
        List<Crosswalk.Header> all = crosswalks.list();
        List<Superseded> found = new ArrayList<>();
        for (String document : documents) {
            catalogue.versions(document).stream().filter(v -> v.code().equals(document)).map(FamilyMember::supersededBy)
                    .filter(Objects::nonNull).findFirst()
                    .ifPresent(next -> found.add(new Superseded(document, next, all.stream()
                            .filter(c -> c.fromCode().equals(document) && c.toCode().equals(next)).findFirst().orElse(null))));
        }
        return found;
    }
}
