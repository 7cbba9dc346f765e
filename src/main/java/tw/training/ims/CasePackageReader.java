package tw.training.ims;

import tw.training.phrase.Phrase;

import io.micronaut.core.annotation.Nullable;
import tw.training.catalogue.document.Assessment;
import tw.training.catalogue.document.Attitude;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Definition;
import tw.training.catalogue.document.DocumentKind;
import tw.training.catalogue.document.Indicator;
import tw.training.catalogue.document.Responsibility;
import tw.training.catalogue.document.Task;
import tw.training.catalogue.document.Version;
import tw.training.catalogue.document.WorkOutput;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CASE 1.1 CFPackage read back into a catalogue document, the way {@link CaseFramework} writes one: items by their
 * {@code CFItemType} (ours, or its Chinese name: 主要職責, 工作任務, 工作產出, 行為指標, 知識, 技能, 態度), each with its
 * {@code humanCodingScheme} as code; the tree from {@code isChildOf} in {@code sequenceNumber} order; a task's knowledge,
 * skills and attitudes from its {@code isRelatedTo}. An {@code exactMatchOf}, {@code replacedBy} or {@code isRelatedTo}
 * from an item outside the package to one of its items is a crosswalk's line from an older version ({@link Mapping}),
 * which {@link CaseImport} resolves against the catalogue. Everything wrong is named by its JSON path, and nothing is
 * imported.
 */
final class CasePackageReader {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("responsibility", CaseFramework.RESPONSIBILITY), Map.entry("主要職責", CaseFramework.RESPONSIBILITY),
            Map.entry("task", CaseFramework.TASK), Map.entry("工作任務", CaseFramework.TASK),
            Map.entry("workoutput", CaseFramework.WORK_OUTPUT), Map.entry("工作產出", CaseFramework.WORK_OUTPUT),
            Map.entry("performanceindicator", CaseFramework.INDICATOR), Map.entry("行為指標", CaseFramework.INDICATOR),
            Map.entry("knowledge", CaseFramework.KNOWLEDGE), Map.entry("知識", CaseFramework.KNOWLEDGE),
            Map.entry("skill", CaseFramework.SKILL), Map.entry("技能", CaseFramework.SKILL),
            Map.entry("attitude", CaseFramework.ATTITUDE), Map.entry("態度", CaseFramework.ATTITUDE));

    private static final List<String> MAPPINGS = List.of("exactMatchOf", "replacedBy", "isRelatedTo");

    private final List<InputError> errors = new ArrayList<>();
    private final List<Mapping> mappings = new ArrayList<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, List<Edge>> children = new HashMap<>();
    private final Map<String, List<Edge>> related = new HashMap<>();

    private CasePackageReader() {
    }

    /** An item of the package. */
    private record Node(String id, String type, String code, String statement, @Nullable Integer level, @Nullable String notes) {
    }

    /** An association's other end and its place among its siblings. */
    private record Edge(String id, int sequence) {
    }

    /**
     * An association from an item outside the package to one of its items: a line of a crosswalk from an older version.
     *
     * @param at            where it stands in the package, for the refusals
     * @param origin        the older item's identifier
     * @param destinationCode the package item's code
     */
    record Mapping(String at, String origin, String type, String destinationCode, @Nullable String notes) {
    }

    /** The document and the crosswalk lines the package carries. */
    record Read(CompetencyDocument document, List<Mapping> mappings) {
    }

    /**
     * @param code the code to file the document under; when null, the package's own ({@code extensions.icap.code})
     * @throws InvalidInputException naming every fault by its JSON path
     */
    static CompetencyDocument read(Map<String, Object> cfPackage, @Nullable String code) {
        return readAll(cfPackage, code).document();
    }

    /** {@link #read}, with the package's crosswalk lines. */
    static Read readAll(Map<String, Object> cfPackage, @Nullable String code) {
        CasePackageReader reader = new CasePackageReader();
        CompetencyDocument document = reader.document(cfPackage, code);
        return new Read(document, List.copyOf(reader.mappings));
    }

    private CompetencyDocument document(Map<String, Object> cfPackage, @Nullable String code) {
        Map<String, Object> cfDocument = object(cfPackage.get("CFDocument"), "CFDocument");
        Map<String, Object> icap = object(object(cfDocument.getOrDefault("extensions", Map.of()), "CFDocument.extensions")
                .getOrDefault("icap", Map.of()), "CFDocument.extensions.icap");
        String documentId = text(cfDocument, "identifier", "CFDocument");
        String title = text(cfDocument, "title", "CFDocument");
        String filed = code != null && !code.isBlank() ? code.strip() : icap.get("code") instanceof String own ? own : null;
        if (filed == null) {
            errors.add(InputError.field("code", "ims.name-code-file-framework-under"));
        }
        List<Object> items = list(cfPackage.getOrDefault("CFItems", List.of()), "CFItems");
        for (int i = 0; i < items.size(); i++) {
            node(object(items.get(i), "CFItems[" + i + "]"), "CFItems[" + i + "]");
        }
        List<Object> associations = list(cfPackage.getOrDefault("CFAssociations", List.of()), "CFAssociations");
        for (int i = 0; i < associations.size(); i++) {
            edge(object(associations.get(i), "CFAssociations[" + i + "]"), "CFAssociations[" + i + "]", documentId);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("ims.case-package-cannot-imported"), errors);
        }
        List<Responsibility> responsibilities = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        List<Definition> knowledge = new ArrayList<>();
        List<Definition> skills = new ArrayList<>();
        List<Attitude> attitudes = new ArrayList<>();
        for (Node top : ordered(children.get(documentId))) {
            switch (top.type()) {
                case CaseFramework.RESPONSIBILITY -> {
                    responsibilities.add(new Responsibility(top.code(), top.statement(), List.of()));
                    ordered(children.get(top.id())).stream().filter(n -> n.type().equals(CaseFramework.TASK))
                            .forEach(task -> tasks.add(task(task, top.code())));
                }
                case CaseFramework.TASK -> tasks.add(task(top, null));
                case CaseFramework.KNOWLEDGE -> knowledge.add(new Definition(top.code(), top.statement(), List.of()));
                case CaseFramework.SKILL -> skills.add(new Definition(top.code(), top.statement(), List.of()));
                case CaseFramework.ATTITUDE -> attitudes.add(new Attitude(top.code(), top.statement(), top.notes()));
                default -> errors.add(InputError.field("CFAssociations", "ims.cannot-child-document", top.code(), top.type()));
            }
        }
        if (tasks.isEmpty()) {
            errors.add(InputError.field("CFItems", "ims.framework-has-no-task-cfitemtype"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Phrase.of("ims.case-package-cannot-imported"), errors);
        }
        DocumentKind kind = kind(cfDocument, icap);
        String version = cfDocument.get("version") instanceof String v ? v : null;
        return new CompetencyDocument(filed, kind, icap.get("name") instanceof String name ? name : title, title,
                icap.get("level") instanceof Number level ? level.intValue() : null,
                cfDocument.get("subject") instanceof List<?> subject && !subject.isEmpty() ? String.valueOf(subject.get(0)) : null,
                cfDocument.get("description") instanceof String description ? description : null, null, null, null,
                version == null ? List.of() : List.of(new Version(version, filed, title, true, null, null)),
                responsibilities, tasks, knowledge, skills, attitudes, List.of(), new Assessment(List.of(), List.of(), List.of()));
    }

    private Task task(Node task, @Nullable String responsibility) {
        List<Node> under = ordered(children.get(task.id()));
        List<WorkOutput> outputs = under.stream().filter(n -> n.type().equals(CaseFramework.WORK_OUTPUT))
                .map(n -> new WorkOutput(n.code(), n.statement(), List.of())).toList();
        List<Indicator> indicators = under.stream().filter(n -> n.type().equals(CaseFramework.INDICATOR))
                .map(n -> new Indicator(n.code(), n.statement(), List.of())).toList();
        List<Node> linked = ordered(related.get(task.id()));
        return new Task(task.code(), task.statement(), task.level(), responsibility, outputs, indicators,
                codes(linked, CaseFramework.KNOWLEDGE), codes(linked, CaseFramework.SKILL), codes(linked, CaseFramework.ATTITUDE), List.of());
    }

    private static List<String> codes(List<Node> nodes, String type) {
        return nodes.stream().filter(n -> n.type().equals(type)).map(Node::code).toList();
    }

    private List<Node> ordered(@Nullable List<Edge> edges) {
        return edges == null ? List.of() : edges.stream().sorted(Comparator.comparingInt(Edge::sequence)).map(e -> nodes.get(e.id())).toList();
    }

    private void node(Map<String, Object> item, String at) {
        String id = text(item, "identifier", at);
        String type = item.get("CFItemType") instanceof String t ? TYPES.get(t.strip().toLowerCase().replace(" ", "")) : null;
        if (type == null) {
            errors.add(InputError.field(at + ".CFItemType", "ims.cfitemtype-must-one-responsibility-task"));
        }
        String code = text(item, "humanCodingScheme", at);
        String statement = text(item, "fullStatement", at);
        Integer level = null;
        if (item.get("educationLevel") instanceof List<?> levels && !levels.isEmpty()) {
            try {
                level = Integer.valueOf(String.valueOf(levels.get(0)).strip());
            } catch (NumberFormatException e) {
                errors.add(InputError.field(at + ".educationLevel", "ims.task-s-level-number"));
            }
        }
        if (nodes.values().stream().anyMatch(n -> n.code().equals(code) && !code.isEmpty())) {
            errors.add(InputError.field(at + ".humanCodingScheme", "ims.code-used-twice", code));
        }
        nodes.put(id, new Node(id, type == null ? "" : type, code, statement, level, item.get("notes") instanceof String n ? n : null));
    }

    private void edge(Map<String, Object> association, String at, String documentId) {
        String type = text(association, "associationType", at);
        String origin = text(object(association.get("originNodeURI"), at + ".originNodeURI"), "identifier", at + ".originNodeURI");
        String destination = text(object(association.get("destinationNodeURI"), at + ".destinationNodeURI"), "identifier", at + ".destinationNodeURI");
        int sequence = association.get("sequenceNumber") instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
        if (MAPPINGS.contains(type) && !origin.isEmpty() && !nodes.containsKey(origin) && nodes.containsKey(destination)) {
            mappings.add(new Mapping(at, origin, type, nodes.get(destination).code(), association.get("notes") instanceof String notes ? notes : null));
            return;
        }
        if (!type.equals("isChildOf") && !type.equals("isRelatedTo")) {
            return;
        }
        if (!nodes.containsKey(origin)) {
            errors.add(InputError.field(at + ".originNodeURI", "ims.no-item-package", origin));
        } else if (!destination.equals(documentId) && !nodes.containsKey(destination)) {
            errors.add(InputError.field(at + ".destinationNodeURI", "ims.no-item-document-package", destination));
        } else if (type.equals("isChildOf")) {
            children.computeIfAbsent(destination, d -> new ArrayList<>()).add(new Edge(origin, sequence));
        } else {
            related.computeIfAbsent(origin, o -> new ArrayList<>()).add(new Edge(destination, sequence));
        }
    }

    private DocumentKind kind(Map<String, Object> cfDocument, Map<String, Object> icap) {
        if (icap.get("kind") instanceof String kind) {
            try {
                return DocumentKind.valueOf(kind);
            } catch (IllegalArgumentException ignored) {
                // told by the framework type below
            }
        }
        return switch (cfDocument.get("frameworkType") instanceof String type ? type : "") {
            case "職能模型" -> DocumentKind.MODEL;
            case "職能單元" -> DocumentKind.UNIT;
            default -> DocumentKind.STANDARD;
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(@Nullable Object value, String at) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        errors.add(InputError.field(at, "ims.must-object", at));
        return Map.of();
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(@Nullable Object value, String at) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        errors.add(InputError.field(at, "ims.must-array", at));
        return List.of();
    }

    private String text(Map<String, Object> object, String name, String at) {
        if (object.get(name) instanceof String text && !text.isBlank()) {
            return text.strip();
        }
        if (!object.isEmpty()) {
            errors.add(InputError.field(at + "." + name, "ims.required-text", name));
        }
        return "";
    }
}
