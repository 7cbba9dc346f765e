package tw.training.ims;

import jakarta.inject.Singleton;
import tw.training.address.PublicUrl;
import tw.training.catalogue.CatalogueService;
import tw.training.catalogue.StandardSummary;
import tw.training.revision.Crosswalks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue as CASE frameworks, built once per state of the catalogue: each request reads the list of documents
 * (one query) and rebuilds only when a document was imported since, so identifiers are looked up in memory.
 */
@Singleton
class CaseCatalogue {

    private final CatalogueService catalogue;
    private final Crosswalks crosswalks;
    private final String base;
    private volatile Snapshot snapshot = new Snapshot(List.of(), List.of(), List.of(), Map.of());

    CaseCatalogue(CatalogueService catalogue, Crosswalks crosswalks, PublicUrl publicUrl) {
        this.catalogue = catalogue;
        this.crosswalks = crosswalks;
        this.base = publicUrl.value() + CaseController.ROOT;
    }

    /**
     * Every framework with the summaries and confirmed crosswalks it was built from, in the catalogue's order, and its items
     * and associations by id.
     */
    record Snapshot(List<StandardSummary> summaries, List<Long> crosswalks, List<CaseFramework> frameworks, Map<String, Found> index) {

        Optional<CaseFramework> document(String id) {
            return frameworks.stream().filter(f -> f.documentId().equals(id)).findFirst();
        }
    }

    /** What an identifier names: its framework and the JSON object. */
    record Found(CaseFramework framework, Map<String, Object> object) {
    }

    Snapshot now() {
        List<StandardSummary> summaries = catalogue.list(null, null);
        List<Long> confirmed = crosswalks.confirmedIds();
        Snapshot current = snapshot;
        if (!current.summaries().equals(summaries) || !current.crosswalks().equals(confirmed)) {
            List<CaseFramework> frameworks = new ArrayList<>();
            for (StandardSummary summary : summaries) {
                catalogue.find(summary.code()).ifPresent(document -> frameworks.add(new CaseFramework(document, summary.importedAt(),
                        summary.supersededBy(), predecessor(summary.code()), base)));
            }
            current = new Snapshot(summaries, confirmed, List.copyOf(frameworks), index(frameworks));
            snapshot = current;
        }
        return current;
    }

    /** The version the document superseded, when a confirmed crosswalk leads from it (issue 35). */
    private CaseFramework.Predecessor predecessor(String code) {
        return crosswalks.confirmedInto(code).flatMap(crosswalk -> catalogue.find(crosswalk.from())
                .map(older -> new CaseFramework.Predecessor(older, crosswalk))).orElse(null);
    }

    Optional<Found> item(String id) {
        return Optional.ofNullable(now().index().get("item:" + id));
    }

    Optional<Found> association(String id) {
        return Optional.ofNullable(now().index().get("association:" + id));
    }

    /** Every association whose origin or destination is the item. */
    List<Map<String, Object>> associationsOf(CaseFramework framework, String itemId) {
        return framework.associations().stream().filter(a -> itemId.equals(((Map<?, ?>) a.get("originNodeURI")).get("identifier"))
                || itemId.equals(((Map<?, ?>) a.get("destinationNodeURI")).get("identifier"))).toList();
    }

    private static Map<String, Found> index(List<CaseFramework> frameworks) {
        Map<String, Found> index = new HashMap<>();
        for (CaseFramework framework : frameworks) {
            framework.items().forEach(item -> index.put("item:" + item.get("identifier"), new Found(framework, item)));
            framework.associations().forEach(a -> index.put("association:" + a.get("identifier"), new Found(framework, a)));
        }
        return Map.copyOf(index);
    }

    /** For {@code sort} on the documents' list: by title, or by their last change. */
    static Comparator<Map<String, Object>> order(String sort) {
        String key = switch (sort) {
            case "lastChangeDateTime" -> "lastChangeDateTime";
            case "identifier" -> "identifier";
            default -> "title";
        };
        return Comparator.comparing(document -> String.valueOf(document.get(key)));
    }
}
