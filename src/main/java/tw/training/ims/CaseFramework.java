package tw.training.ims;

import tw.training.catalogue.document.Attitude;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Definition;
import tw.training.catalogue.document.Indicator;
import tw.training.catalogue.document.Responsibility;
import tw.training.catalogue.document.Task;
import tw.training.catalogue.document.Version;
import tw.training.catalogue.document.WorkOutput;

import io.micronaut.core.annotation.Nullable;
import tw.training.revision.Crosswalk;
import tw.training.revision.Relation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One catalogue document as a CASE 1.1 framework: the CFDocument, a CFItem for each responsibility, task, work output,
 * indicator, knowledge, skill and attitude (its code as {@code humanCodingScheme}, its kind as {@code CFItemType}, a task's
 * level as its {@code educationLevel}), and the associations: {@code isChildOf} in document order (responsibilities, and K,
 * S and A, of the document; tasks of their responsibility; work outputs and indicators of their task), {@code isRelatedTo}
 * from each task to the knowledge, skills and attitudes it names (the attitude matrix among them); and, when a confirmed
 * crosswalk leads here from the version this one superseded (issue 35), an association from each of that version's
 * tasks and indicators to what it became: {@code exactMatchOf} when EQUIVALENT with the same text, {@code replacedBy}
 * when EQUIVALENT otherwise, {@code isRelatedTo} with the crosswalk's note in {@code notes} when PARTIAL (NONE and NEW
 * are what no association names). JSON objects are ordered maps, so that no absent property is written as null (the
 * schema allows none).
 */
final class CaseFramework {

    static final String RESPONSIBILITY = "Responsibility";
    static final String TASK = "Task";
    static final String WORK_OUTPUT = "WorkOutput";
    static final String INDICATOR = "PerformanceIndicator";
    static final String KNOWLEDGE = "Knowledge";
    static final String SKILL = "Skill";
    static final String ATTITUDE = "Attitude";
    static final String CREATOR = "勞動部勞動力發展署";

    private final CompetencyDocument document;
    /** The code of the version that superseded this one, null while it is current. */
    private final String supersededBy;
    private final String base;
    private final String changed;
    private final String documentId;
    private final Map<String, Object> documentLink;
    private final List<Map<String, Object>> items = new ArrayList<>();
    private final List<Map<String, Object>> associations = new ArrayList<>();
    /** Each item as a link, by its code and by its identifier. */
    private final Map<String, Map<String, Object>> links = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> linksById = new LinkedHashMap<>();

    /** The version this one superseded and the confirmed crosswalk from it. */
    record Predecessor(CompetencyDocument older, Crosswalk crosswalk) {
    }

    private final Predecessor predecessor;

    /** @param base the provider's public address and API root, e.g. {@code https://host/ims/case/v1p1} */
    CaseFramework(CompetencyDocument document, Instant changed, @Nullable String supersededBy, @Nullable Predecessor predecessor, String base) {
        this.document = document;
        this.supersededBy = supersededBy;
        this.predecessor = predecessor;
        this.base = base;
        this.changed = changed.truncatedTo(ChronoUnit.SECONDS).toString();
        this.documentId = CaseIds.document(document.code());
        this.documentLink = link(title(), documentId, base + "/CFDocuments/" + documentId);
        build();
    }

    String documentId() {
        return documentId;
    }

    Map<String, Object> cfDocument() {
        Map<String, Object> cf = new LinkedHashMap<>();
        cf.put("identifier", documentId);
        cf.put("uri", base + "/CFDocuments/" + documentId);
        cf.put("frameworkType", switch (document.kind()) {
            case STANDARD -> "職能基準";
            case MODEL -> "職能模型";
            case UNIT -> "職能單元";
        });
        cf.put("caseVersion", "1.1");
        cf.put("creator", CREATOR);
        cf.put("title", title());
        cf.put("lastChangeDateTime", changed);
        cf.put("publisher", "iCAP 職能發展應用平台");
        if (document.description() != null) {
            cf.put("description", document.description());
        }
        if (document.field() != null) {
            cf.put("subject", List.of(document.field()));
        }
        cf.put("language", "zh-TW");
        document.versions().stream().filter(Version::current).findFirst().ifPresent(v -> cf.put("version", v.version()));
        cf.put("notes", "iCAP " + document.code());
        // CASE's adoption status: a version superseded by a newer one of its family is deprecated, never removed
        cf.put("adoptionStatus", supersededBy == null ? "Adopted" : "Deprecated");
        Map<String, Object> icap = new LinkedHashMap<>();
        icap.put("code", document.code());
        icap.put("kind", document.kind().name());
        icap.put("name", document.name());
        if (document.level() != null) {
            icap.put("level", document.level());
        }
        if (supersededBy != null) {
            icap.put("supersededBy", supersededBy);
        }
        cf.put("extensions", Map.of("icap", icap));
        return cf;
    }

    List<Map<String, Object>> items() {
        return items;
    }

    List<Map<String, Object>> associations() {
        return associations;
    }

    Map<String, Object> cfPackage() {
        Map<String, Object> cf = new LinkedHashMap<>();
        cf.put("CFDocument", cfDocument());
        cf.put("CFItems", items);
        cf.put("CFAssociations", associations);
        return cf;
    }

    /** The document as a link, for a standalone item's or association's {@code CFDocumentURI}. */
    Map<String, Object> documentLink() {
        return documentLink;
    }

    private String title() {
        return document.title() != null && !document.title().isBlank() ? document.title() : document.name();
    }

    private void build() {
        Map<String, Integer> children = new LinkedHashMap<>();
        for (Responsibility responsibility : document.responsibilities()) {
            String id = item(RESPONSIBILITY, responsibility.code(), responsibility.title(), null, null);
            child(id, documentLink, children);
        }
        for (Task task : document.tasks()) {
            String id = item(TASK, task.code(), task.title(), task.level(), null);
            Map<String, Object> parent = task.responsibilityCode() != null && links.containsKey(task.responsibilityCode())
                    ? links.get(task.responsibilityCode()) : documentLink;
            child(id, parent, children);
            for (WorkOutput output : task.outputs()) {
                child(item(WORK_OUTPUT, output.code(), output.title(), null, null), links.get(task.code()), children);
            }
            for (Indicator indicator : task.indicators()) {
                child(item(INDICATOR, indicator.code(), indicator.text(), null, null), links.get(task.code()), children);
            }
        }
        for (Definition knowledge : document.knowledge()) {
            child(item(KNOWLEDGE, knowledge.code(), knowledge.text(), null, null), documentLink, children);
        }
        for (Definition skill : document.skills()) {
            child(item(SKILL, skill.code(), skill.text(), null, null), documentLink, children);
        }
        for (Attitude attitude : document.attitudes()) {
            child(item(ATTITUDE, attitude.code(), attitude.name(), null, attitude.description()), documentLink, children);
        }
        for (Task task : document.tasks()) {
            int n = 0;
            for (List<String> codes : List.of(task.knowledge(), task.skills(), task.attitudes())) {
                for (String code : codes) {
                    if (links.containsKey(code)) {
                        associations.add(association("isRelatedTo", links.get(task.code()), links.get(code), ++n));
                    }
                }
            }
        }
        if (predecessor != null) {
            crosswalk(predecessor);
        }
    }

    /** The crosswalk's lines from an older item to a newer one, as associations from the older version's CFItems. */
    private void crosswalk(Predecessor predecessor) {
        Map<String, String> older = texts(predecessor.older());
        Map<String, String> newer = texts(document);
        int sequence = 0;
        for (Crosswalk.Line line : predecessor.crosswalk().lines()) {
            if (line.from() == null || line.to() == null || !older.containsKey(line.from()) || !links.containsKey(line.to())) {
                continue;
            }
            String type = line.relation() == Relation.PARTIAL ? "isRelatedTo"
                    : older.get(line.from()).strip().equals(newer.get(line.to()).strip()) ? "exactMatchOf" : "replacedBy";
            String origin = CaseIds.item(predecessor.older().code(), line.from());
            Map<String, Object> association = association(type, link(line.from() + " " + older.get(line.from()), origin, base + "/CFItems/" + origin),
                    links.get(line.to()), ++sequence);
            if (line.note() != null && !line.note().isBlank()) {
                association.put("notes", line.note());
            }
            associations.add(association);
        }
    }

    /** A document's task titles and indicator texts by code. */
    private static Map<String, String> texts(CompetencyDocument document) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Task task : document.tasks()) {
            texts.put(task.code(), task.title());
            task.indicators().forEach(i -> texts.put(i.code(), i.text()));
        }
        return texts;
    }

    private String item(String type, String code, String statement, Integer level, String notes) {
        String id = CaseIds.item(document.code(), code);
        Map<String, Object> cf = new LinkedHashMap<>();
        cf.put("identifier", id);
        cf.put("fullStatement", statement);
        cf.put("CFItemType", type);
        cf.put("uri", base + "/CFItems/" + id);
        cf.put("humanCodingScheme", code);
        if (notes != null && !notes.isBlank()) {
            cf.put("notes", notes);
        }
        cf.put("language", "zh-TW");
        if (level != null) {
            cf.put("educationLevel", List.of(String.valueOf(level)));
        }
        cf.put("lastChangeDateTime", changed);
        items.add(cf);
        Map<String, Object> link = link(code + " " + statement, id, base + "/CFItems/" + id);
        links.put(code, link);
        linksById.put(id, link);
        return id;
    }

    /** An {@code isChildOf} association, numbered among the parent's children in document order. */
    private void child(String id, Map<String, Object> parent, Map<String, Integer> children) {
        int sequence = children.merge((String) parent.get("identifier"), 1, Integer::sum);
        associations.add(association("isChildOf", linksById.get(id), parent, sequence));
    }

    private Map<String, Object> association(String type, Map<String, Object> origin, Map<String, Object> destination, int sequence) {
        String id = CaseIds.association(type, (String) origin.get("identifier"), (String) destination.get("identifier"));
        Map<String, Object> cf = new LinkedHashMap<>();
        cf.put("identifier", id);
        cf.put("associationType", type);
        cf.put("sequenceNumber", sequence);
        cf.put("uri", base + "/CFAssociations/" + id);
        cf.put("originNodeURI", origin);
        cf.put("destinationNodeURI", destination);
        cf.put("lastChangeDateTime", changed);
        return cf;
    }

    private static Map<String, Object> link(String title, String identifier, String uri) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("title", title);
        link.put("identifier", identifier);
        link.put("uri", uri);
        return link;
    }
}
