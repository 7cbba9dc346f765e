package tw.training.assessing;

import tw.training.phrase.Phrase;

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
import tw.training.course.AssessmentMethod;
import tw.training.evidence.Outcome;
import tw.training.page.FieldErrors;
import tw.training.page.Form;
import tw.training.page.Pages;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.web.PlainText;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The judging grid as a page. Without script it is a form with a choice in each cell; {@code judging-grid.js} makes
 * it a keyboard grid over the same form. A save that finds cells changed by someone else answers 409 with the grid as
 * it is now, the assessor's choices kept and the changed cells marked: saving again is then a decision, not an accident.
 */
@Hidden
@PlainText
@Controller("/courses/{id}/grid")
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured({Roles.TRAINER, Roles.ADMIN})
class GridPages {

    private final JudgingGrid grid;
    private final Pages pages;

    GridPages(JudgingGrid grid, Pages pages) {
        this.grid = grid;
        this.pages = pages;
    }

    @Get("{?task,method,learner,page,saved}")
    HttpResponse<String> show(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String task, @Nullable @QueryValue String method,
                              @Nullable @QueryValue String learner, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer saved,
                              Actor actor) {
        JudgingGrid.Filter filter = new JudgingGrid.Filter(task, method, learner, page == null ? 1 : page);
        return render(request, HttpStatus.OK, grid.page(id, filter, actor), new Kept(Map.of(), Map.of(), "", Set.of(), Map.of()), saved);
    }

    /**
     * The form sends the grid's filter, {@code seen:<cell>} with each judgeable cell's token, {@code outcome:<cell>}
     * (MET, NOT_YET or empty) and one {@code comment} for every cell judged.
     */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        JudgingGrid.Filter filter = new JudgingGrid.Filter(form.get("task"), form.get("method"), form.get("learner"), page(form.get("page")));
        Map<String, String> chosen = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        List<JudgingGrid.Choice> choices = new ArrayList<>();
        List<InputError> unreadable = new ArrayList<>();
        for (String cell : form.suffixes("outcome:")) {
            String outcome = form.get("outcome:" + cell);
            seen.put(cell, form.get("seen:" + cell));
            if (outcome.isEmpty()) {
                continue;
            }
            chosen.put(cell, outcome);
            try {
                choices.add(new JudgingGrid.Choice(cell, Outcome.valueOf(outcome), form.get("seen:" + cell)));
            } catch (IllegalArgumentException e) {
                unreadable.add(InputError.field("outcome:" + cell, "assessing.outcome-must-met-not-yet"));
            }
        }
        String comment = form.get("comment");
        try {
            if (!unreadable.isEmpty()) {
                throw new InvalidInputException(Phrase.of("assessing.no-judgement-was-recorded-cells-2", unreadable.size()), unreadable);
            }
            JudgingGrid.Saved saved = grid.save(id, filter.method(), choices, comment, actor);
            if (saved.changed().isEmpty()) {
                return Pages.redirect(path(id, filter) + "&saved=" + saved.recorded());
            }
            // the tokens shown now are the current ones: saving again records the choices over what changed, knowingly
            return render(request, HttpStatus.CONFLICT, grid.page(id, filter, actor), new Kept(chosen, Map.of(), comment, saved.changed(), Map.of()), null);
        } catch (InvalidInputException refused) {
            // the tokens stay those first seen, so that a change made meanwhile is still caught at the next save
            return render(request, HttpStatus.UNPROCESSABLE_ENTITY, grid.page(id, filter, actor),
                    new Kept(chosen, seen, comment, Set.of(), FieldErrors.of(refused, "outcome", request)), null);
        }
    }

    /** What the assessor sent, shown again when a save is refused: choices, tokens, comment, changed cells, errors. */
    public record Kept(Map<String, String> chosen, Map<String, String> seen, String comment, Set<String> changed, Map<String, String> errors) {
    }

    private MutableHttpResponse<String> render(HttpRequest<?> request, HttpStatus status, GridView view, Kept kept, @Nullable Integer saved) {
        Map<String, Object> model = new HashMap<>();
        model.put("grid", view);
        model.put("kept", kept);
        model.put("methods", AssessmentMethod.values());
        Map<String, Boolean> changed = new HashMap<>();
        kept.changed().forEach(cell -> changed.put(cell, true));
        model.put("changed", changed);
        model.put("gridPath", path(view.course().id(), new JudgingGrid.Filter(view.task(), view.method(), view.learner(), view.page())));
        if (saved != null) {
            model.put("saved", saved);
        }
        return pages.render(request, status, "grid.ftlh", model);
    }

    /** The grid's address with its filter, for the redirect after saving and for the pages' links. */
    static String path(long courseId, JudgingGrid.Filter filter) {
        StringJoiner query = new StringJoiner("&", "/courses/" + courseId + "/grid?", "");
        if (filter.task() != null) {
            query.add("task=" + URLEncoder.encode(filter.task(), StandardCharsets.UTF_8));
        }
        if (filter.method() != null) {
            query.add("method=" + filter.method());
        }
        if (!filter.learner().isEmpty()) {
            query.add("learner=" + URLEncoder.encode(filter.learner(), StandardCharsets.UTF_8));
        }
        query.add("page=" + filter.page());
        return query.toString();
    }

    private static int page(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
