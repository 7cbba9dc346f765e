package tw.training.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * xAPI 1.0.3's rules for a statement, as an LRS checks them on receipt (Data, §2.2–2.4): only the statement's own
 * properties; a UUID id; every agent (the actor, an instructor) with exactly one identifier; verb, activity and extension
 * keys IRIs; language maps keyed by RFC 5646 tags; context activities as arrays of activities; a result's success and
 * completion booleans; a timestamp in ISO 8601 with its zone; version 1.0.3; no null anywhere.
 */
final class XapiRules {

    private static final Set<String> STATEMENT = Set.of("id", "actor", "verb", "object", "result", "context", "timestamp", "stored",
            "authority", "version", "attachments");
    private static final Set<String> CONTEXT = Set.of("registration", "instructor", "team", "contextActivities", "revision", "platform",
            "language", "statement", "extensions");
    private static final Set<String> RESULT = Set.of("score", "success", "completion", "response", "duration", "extensions");
    private static final String IRI = "[a-zA-Z][a-zA-Z0-9+.-]*:.+";
    private static final String LANGUAGE_TAG = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*";

    private XapiRules() {
    }

    static List<String> problems(JsonNode statement) {
        List<String> problems = new ArrayList<>();
        nulls(statement, "$", problems);
        only(statement, STATEMENT, "statement", problems);
        try {
            if (!UUID.fromString(statement.path("id").asText()).toString().equals(statement.path("id").asText())) {
                problems.add("id is not a lowercase UUID");
            }
        } catch (IllegalArgumentException e) {
            problems.add("id is not a UUID");
        }
        agent(statement.path("actor"), "actor", problems);
        iri(statement.path("verb").path("id"), "verb.id", problems);
        languageMap(statement.path("verb").path("display"), "verb.display", problems);
        activity(statement.path("object"), "object", problems);
        JsonNode context = statement.path("context");
        if (!context.isMissingNode()) {
            only(context, CONTEXT, "context", problems);
            if (context.has("instructor")) {
                agent(context.get("instructor"), "context.instructor", problems);
            }
            for (Iterator<Map.Entry<String, JsonNode>> kinds = context.path("contextActivities").fields(); kinds.hasNext(); ) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                if (!Set.of("parent", "grouping", "category", "other").contains(kind.getKey()) || !kind.getValue().isArray()) {
                    problems.add("context.contextActivities." + kind.getKey() + " is not an array of parent, grouping, category or other");
                }
                kind.getValue().forEach(a -> activity(a, "context.contextActivities." + kind.getKey(), problems));
            }
            context.path("extensions").fieldNames().forEachRemaining(key -> iri(TextNode.valueOf(key), "context.extensions key", problems));
            if (context.has("language") && !context.get("language").asText().matches(LANGUAGE_TAG)) {
                problems.add("context.language is not a language tag");
            }
        }
        JsonNode result = statement.path("result");
        if (!result.isMissingNode()) {
            only(result, RESULT, "result", problems);
            for (String flag : List.of("success", "completion")) {
                if (result.has(flag) && !result.get(flag).isBoolean()) {
                    problems.add("result." + flag + " is not a boolean");
                }
            }
        }
        try {
            OffsetDateTime.parse(statement.path("timestamp").asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (RuntimeException e) {
            problems.add("the timestamp is not an ISO 8601 time with its zone");
        }
        if (!"1.0.3".equals(statement.path("version").asText())) {
            problems.add("version is not 1.0.3");
        }
        return problems;
    }

    private static void agent(JsonNode agent, String where, List<String> problems) {
        if (agent.has("objectType") && !"Agent".equals(agent.get("objectType").asText())) {
            problems.add(where + " is not an Agent");
        }
        int identifiers = 0;
        for (String identifier : List.of("mbox", "mbox_sha1sum", "openid", "account")) {
            identifiers += agent.has(identifier) ? 1 : 0;
        }
        if (identifiers != 1) {
            problems.add(where + " has " + identifiers + " identifiers, not exactly one");
        }
        if (agent.has("account")) {
            iri(agent.path("account").path("homePage"), where + ".account.homePage", problems);
            if (agent.path("account").path("name").asText().isEmpty()) {
                problems.add(where + ".account has no name");
            }
        }
    }

    private static void activity(JsonNode activity, String where, List<String> problems) {
        if (activity.has("objectType") && !"Activity".equals(activity.get("objectType").asText())) {
            problems.add(where + " is not an Activity");
        }
        iri(activity.path("id"), where + ".id", problems);
        JsonNode definition = activity.path("definition");
        if (!definition.isMissingNode()) {
            languageMap(definition.path("name"), where + ".definition.name", problems);
            if (definition.has("type")) {
                iri(definition.get("type"), where + ".definition.type", problems);
            }
        }
    }

    private static void languageMap(JsonNode map, String where, List<String> problems) {
        if (map.isMissingNode()) {
            return;
        }
        if (!map.isObject() || map.isEmpty()) {
            problems.add(where + " is not a language map");
            return;
        }
        map.fields().forEachRemaining(entry -> {
            if (!entry.getKey().matches(LANGUAGE_TAG) || !entry.getValue().isTextual()) {
                problems.add(where + "." + entry.getKey() + " is not a language tag with a string");
            }
        });
    }

    private static void iri(JsonNode value, String where, List<String> problems) {
        if (!value.isTextual() || !value.asText().matches(IRI) || value.asText().contains(" ")) {
            problems.add(where + " is not an IRI: " + value);
        }
    }

    private static void only(JsonNode object, Set<String> allowed, String where, List<String> problems) {
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problems.add(where + " has a property xAPI does not define: " + name);
            }
        });
    }

    private static void nulls(JsonNode node, String path, List<String> problems) {
        if (node.isNull()) {
            problems.add(path + " is null");
        }
        node.fields().forEachRemaining(entry -> nulls(entry.getValue(), path + "." + entry.getKey(), problems));
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            nulls(node.get(i), path + "[" + i + "]", problems);
        }
    }
}
