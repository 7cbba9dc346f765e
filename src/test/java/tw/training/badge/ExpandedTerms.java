package tw.training.badge;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What a verifier in JSON-LD "safe mode" checks (issue 28, point 12): after expansion under the bundled contexts, every
 * property and every type is an absolute IRI a context defines. Expansion drops a property no context defines (so the
 * signature does not cover it) and leaves a type no context defines a relative reference. To see the dropped ones, the
 * document is expanded with one more context at the end, a vocabulary of its own: what no real context defines then
 * expands into it, and is reported; so is an issuer-dependent IRI, which safe mode refuses as well.
 */
final class ExpandedTerms {

    static final String ISSUER_DEPENDENT = "https://www.w3.org/ns/credentials/issuer-dependent#";
    private static final String UNDEFINED = "urn:undefined-term:";

    private ExpandedTerms() {
    }

    /** The properties and types of the document that expand to no IRI a context defines; empty when it is safe. */
    static List<String> undefined(JsonObject document) throws JsonLdError {
        JsonArrayBuilder contexts = Json.createArrayBuilder();
        JsonValue declared = document.get("@context");
        if (declared instanceof JsonArray array) {
            array.forEach(contexts::add);
        } else if (declared != null) {
            contexts.add(declared);
        }
        contexts.add(Json.createObjectBuilder().add("@vocab", UNDEFINED));
        JsonObject sentinel = Json.createObjectBuilder(document).add("@context", contexts).build();
        JsonArray expanded = JsonLd.expand(JsonDocument.of(sentinel)).loader(BundledContexts.LOADER).get();
        List<String> faults = new ArrayList<>();
        walk(expanded, faults);
        return faults;
    }

    private static void walk(JsonValue value, List<String> faults) {
        if (value instanceof JsonArray array) {
            array.forEach(item -> walk(item, faults));
        } else if (value instanceof JsonObject object) {
            object.forEach((key, inner) -> {
                if (!key.startsWith("@")) {
                    check("property", key, faults);
                } else if (key.equals("@type") && !(object.containsKey("@value"))) {
                    types(inner).forEach(type -> check("type", type, faults));
                }
                walk(inner, faults);
            });
        }
    }

    private static List<String> types(JsonValue value) {
        if (value instanceof JsonString text) {
            return List.of(text.getString());
        }
        return value instanceof JsonArray array ? array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList()
                : List.of();
    }

    private static void check(String what, String iri, List<String> faults) {
        boolean absolute;
        try {
            absolute = URI.create(iri).isAbsolute();
        } catch (IllegalArgumentException e) {
            absolute = false;
        }
        if (!absolute || iri.startsWith(ISSUER_DEPENDENT) || iri.startsWith(UNDEFINED)) {
            faults.add(what + " " + iri);
        }
    }
}
