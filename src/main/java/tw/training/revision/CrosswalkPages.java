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
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Indicator;
import tw.training.catalogue.document.Task;
import tw.training.page.FieldErrors;
import tw.training.page.Form;
import tw.training.page.Messages;
import tw.training.page.Pages;
import tw.training.problem.DomainException;
import tw.training.problem.InvalidInputException;
import tw.training.web.PlainText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crosswalks' pages: the list, with the form that proposes one for a superseded version; one crosswalk to review,
 * each old item's lines editable (relation, newer item, note) with rows to add a line (a split), and its confirmation,
 * asked before it is made. A refused form comes back as it was filled, each fault at its row.
 */
@Hidden
@PlainText
@Controller
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
@Secured({Roles.TRAINER, Roles.ADMIN})
class CrosswalkPages {

    /** Blank rows under the lines, to add one (a second newer item of a split item). */
    static final int EXTRA_ROWS = 3;
    /** What a redirect after a form says was saved (anything else in the address is ignored). */
    private static final Set<String> SAVES = Set.of("lines", "confirmed");
    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

    private final Crosswalks crosswalks;
    private final CatalogueService catalogue;
    private final Pages pages;

    CrosswalkPages(Crosswalks crosswalks, CatalogueService catalogue, Pages pages) {
        this.crosswalks = crosswalks;
        this.catalogue = catalogue;
        this.pages = pages;
    }

    @Get("/crosswalks")
    HttpResponse<String> list(HttpRequest<?> request) {
        return listPage(request, HttpStatus.OK, Map.of(), Map.of());
    }

    @Post(value = "/crosswalks", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> propose(HttpRequest<?> request, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        String from = form.get("from");
        String to = catalogue.find(from).isEmpty() ? null : catalogue.versions(from).stream().filter(v -> v.code().equals(from)).findFirst()
                .map(FamilyMember::supersededBy).orElse(null);
        try {
            return Pages.redirect("/crosswalks/" + crosswalks.propose(from, to == null ? from : to, actor).crosswalk().id());
        } catch (InvalidInputException refused) {
            return listPage(request, HttpStatus.UNPROCESSABLE_ENTITY, Map.of("from", FieldErrors.of(refused, request)), form.sent());
        }
    }

    private MutableHttpResponse<String> listPage(HttpRequest<?> request, HttpStatus status, Map<String, String> errors, Map<String, List<String>> sent) {
        Map<String, Object> model = new HashMap<>();
        model.put("crosswalks", crosswalks.list());
        model.put("superseded", catalogue.list(null, null).stream().filter(s -> s.supersededBy() != null).toList());
        model.put("errors", errors);
        model.put("sent", sent);
        return pages.render(request, status, "crosswalks.ftlh", model);
    }

    @Get("/crosswalks/{id}{?saved}")
    HttpResponse<String> crosswalk(HttpRequest<?> request, @PathVariable long id, @Nullable @QueryValue String saved) {
        return crosswalkPage(request, HttpStatus.OK, crosswalks.get(id), saved != null && SAVES.contains(saved) ? saved : null, Map.of(), null);
    }

    @Post(value = "/crosswalks/{id}/lines", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> edit(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form form = Form.of(body).checked(request);
        List<Crosswalks.LineInput> lines = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (String row : form.suffixes("from-")) {
            String relation = form.get("relation-" + row);
            if (!row.matches("\\d{1,4}") || relation.isBlank() || form.get("from-" + row).isBlank()) {
                continue;   // a line removed, or a blank row left blank
            }
            // a blank row names its item with its kind ("INDICATOR:P2.3.2"); a line's row has the two apart
            String from = form.get("from-" + row);
            int colon = from.indexOf(':');
            String kind = colon < 0 ? form.get("kind-" + row) : from.substring(0, colon);
            lines.add(new Crosswalks.LineInput(kind, from.substring(colon + 1), form.get("to-" + row), relation, form.get("note-" + row)));
            rows.add(Integer.parseInt(row));
        }
        try {
            crosswalks.edit(id, lines, actor);
            return Pages.redirect("/crosswalks/" + id + "?saved=lines");
        } catch (InvalidInputException refused) {
            return crosswalkPage(request, HttpStatus.UNPROCESSABLE_ENTITY, crosswalks.get(id), null, rowErrors(refused, rows, request), form);
        } catch (DomainException refused) {
            return crosswalkPage(request, HttpStatus.CONFLICT, crosswalks.get(id), null, Map.of("lines", FieldErrors.of(refused, request)), form);
        }
    }

    @Post(value = "/crosswalks/{id}/confirmation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> confirm(HttpRequest<?> request, @PathVariable long id, @Body @Nullable String body, Actor actor) {
        Form.of(body).checked(request);
        crosswalks.confirm(id, actor);
        return Pages.redirect("/crosswalks/" + id + "?saved=confirmed");
    }

    /** Each fault at the row of the form it came from ({@code to-12}); faults of the whole under {@code lines}. */
    private static Map<String, String> rowErrors(InvalidInputException refused, List<Integer> rows, HttpRequest<?> request) {
        Messages words = Pages.messages(request);
        Map<String, String> errors = new HashMap<>();
        refused.errors().forEach(error -> {
            Matcher line = error.field() == null ? null : LINE_FIELD.matcher(error.field());
            String field = line != null && line.matches() ? line.group(2) + "-" + rows.get(Integer.parseInt(line.group(1))) : "lines";
            errors.merge(field, words.say(error.phrase()), (first, next) -> first + words.get("list.faults") + next);
        });
        if (!errors.containsKey("lines")) {
            errors.put("lines", words.say(refused.phrase()));
        }
        return errors;
    }

    /**
     * The review page: each line a row of the form ({@code kind-N}, {@code from-N}, {@code relation-N}, {@code to-N},
     * {@code note-N}), then {@value #EXTRA_ROWS} blank rows; a refused form's rows as they were sent.
     */
    private MutableHttpResponse<String> crosswalkPage(HttpRequest<?> request, HttpStatus status, Crosswalk crosswalk, @Nullable String saved,
                                                      Map<String, String> errors, @Nullable Form sent) {
        CompetencyDocument older = catalogue.get(crosswalk.from());
        CompetencyDocument newer = catalogue.get(crosswalk.to());
        List<Map<String, String>> rows = new ArrayList<>();
        if (sent == null) {
            for (Crosswalk.Line line : crosswalk.lines()) {
                if (line.relation() != Relation.NEW) {
                    rows.add(row(line.kind().name(), line.from(), line.relation().name(), line.to(), line.note(),
                            line.to() == null ? "" : String.format("%.2f", line.similarity())));
                }
            }
            for (int i = 0; i < EXTRA_ROWS; i++) {
                rows.add(row("INDICATOR", "", "", "", "", ""));
            }
        } else {
            for (String n : sent.suffixes("from-").stream().filter(n -> n.matches("\\d{1,4}")).toList()) {
                rows.add(row(sent.get("kind-" + n), sent.get("from-" + n), sent.get("relation-" + n), sent.get("to-" + n), sent.get("note-" + n), ""));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("crosswalk", crosswalk);
        model.put("rows", rows);
        model.put("added", crosswalk.lines().stream().filter(l -> l.relation() == Relation.NEW).toList());
        model.put("oldItems", items(older));
        model.put("newItems", items(newer));
        model.put("relations", List.of(Relation.EQUIVALENT, Relation.PARTIAL, Relation.NONE));
        model.put("errors", errors);
        if (saved != null) {
            model.put("saved", saved);
        }
        return pages.render(request, status, "crosswalk.ftlh", model);
    }

    private static Map<String, String> row(String kind, @Nullable String from, String relation, @Nullable String to, @Nullable String note,
                                           String similarity) {
        Map<String, String> row = new HashMap<>();
        row.put("kind", kind);
        row.put("from", from == null ? "" : from);
        row.put("relation", relation);
        row.put("to", to == null ? "" : to);
        row.put("note", note == null ? "" : note);
        row.put("similarity", similarity);
        return row;
    }

    /** A version's items by kind, each code with what it says (a task's title, an indicator's text), in document order. */
    private static Map<String, Map<String, String>> items(CompetencyDocument document) {
        Map<String, String> tasks = new LinkedHashMap<>();
        Map<String, String> indicators = new LinkedHashMap<>();
        for (Task task : document.tasks()) {
            tasks.put(task.code(), task.title());
            for (Indicator indicator : task.indicators()) {
                indicators.put(indicator.code(), indicator.text());
            }
        }
        return Map.of(ItemKind.TASK.name(), tasks, ItemKind.INDICATOR.name(), indicators);
    }
}
