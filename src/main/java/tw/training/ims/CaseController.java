package tw.training.ims;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC §12: the catalogue as a CASE 1.1 provider (IMS Global / 1EdTech Competencies and Academic Standards Exchange),
 * read-only. Signed-in users by default; anyone when the administrator sets {@code app.case.public-read}.
 */
@Controller(CaseController.ROOT)
@Produces(MediaType.APPLICATION_JSON)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "CASE 1.1")
class CaseController {

    static final String ROOT = "/ims/case/v1p1";
    private static final int MAX_LIMIT = 1000;

    private final CaseCatalogue catalogue;

    CaseController(CaseCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Get("/CFDocuments{?limit,offset,sort,orderBy}")
    @Operation(summary = "Every document of the catalogue as a CFDocument, a page at a time (limit, offset), sorted by title, lastChangeDateTime or identifier; X-Total-Count")
    HttpResponse<Map<String, Object>> documents(@Nullable @QueryValue Integer limit, @Nullable @QueryValue Integer offset,
                                                @Nullable @QueryValue String sort, @Nullable @QueryValue String orderBy) {
        int size = limit == null ? 100 : limit;
        int from = offset == null ? 0 : offset;
        if (size < 1 || size > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "ims.limit-must", MAX_LIMIT);
        }
        if (from < 0) {
            throw InvalidInputException.of("offset", "ims.offset-must-more");
        }
        String key = sort == null ? "title" : sort;
        if (!List.of("title", "lastChangeDateTime", "identifier").contains(key)) {
            throw InvalidInputException.of("sort", "ims.sort-must-title-lastchangedatetime-identifier");
        }
        String direction = orderBy == null ? "asc" : orderBy.toLowerCase();
        if (!List.of("asc", "desc").contains(direction)) {
            throw InvalidInputException.of("orderBy", "ims.orderby-must-asc-desc");
        }
        List<Map<String, Object>> all = new ArrayList<>(catalogue.now().frameworks().stream().map(CaseFramework::cfDocument).toList());
        Comparator<Map<String, Object>> order = CaseCatalogue.order(key);
        all.sort(direction.equals("desc") ? order.reversed() : order);
        List<Map<String, Object>> page = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
        return HttpResponse.ok(Map.<String, Object>of("CFDocuments", page)).header("X-Total-Count", String.valueOf(all.size()));
    }

    @Get("/CFDocuments/{id}")
    @Operation(summary = "One CFDocument")
    Map<String, Object> document(@PathVariable String id) {
        return framework(id).cfDocument();
    }

    @Get("/CFPackages/{id}")
    @Operation(summary = "A whole framework: its CFDocument, CFItems and CFAssociations")
    Map<String, Object> cfPackage(@PathVariable String id) {
        return framework(id).cfPackage();
    }

    @Get("/CFItems/{id}")
    @Operation(summary = "One CFItem, with the CFDocument it belongs to")
    Map<String, Object> item(@PathVariable String id) {
        CaseCatalogue.Found found = catalogue.item(id).orElseThrow(() -> new NotFoundException("ims.no-cfitem", id));
        return standalone(found);
    }

    @Get("/CFAssociations/{id}")
    @Operation(summary = "One CFAssociation, with the CFDocument it belongs to")
    Map<String, Object> association(@PathVariable String id) {
        CaseCatalogue.Found found = catalogue.association(id).orElseThrow(() -> new NotFoundException("ims.no-cfassociation", id));
        return standalone(found);
    }

    @Get("/CFItemAssociations/{id}")
    @Operation(summary = "A CFItem and every association it is the origin or destination of")
    Map<String, Object> itemAssociations(@PathVariable String id) {
        CaseCatalogue.Found found = catalogue.item(id).orElseThrow(() -> new NotFoundException("ims.no-cfitem", id));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("CFItem", standalone(found));
        answer.put("CFAssociations", catalogue.associationsOf(found.framework(), id).stream()
                .map(a -> standalone(new CaseCatalogue.Found(found.framework(), a))).toList());
        return answer;
    }

    private CaseFramework framework(String id) {
        return catalogue.now().document(id).orElseThrow(() -> new NotFoundException("ims.no-cfdocument", id));
    }

    /** An item or association read on its own names its document ({@code CFDocumentURI}). */
    private static Map<String, Object> standalone(CaseCatalogue.Found found) {
        Map<String, Object> object = new LinkedHashMap<>(found.object());
        object.put("CFDocumentURI", found.framework().documentLink());
        return object;
    }
}
