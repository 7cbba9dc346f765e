package tw.training.ims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.account.Roles;
import tw.training.catalogue.CatalogueService;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Task;
import tw.training.testing.DatabaseTest;
import tw.training.testing.TestUsers;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CASE 1.1 provider (issue 19): every package of the five seeds validates against the published CASE 1.1 CFPackage
 * schema with format assertions on, holds every item and association the document has, and keeps its identifiers across
 * a restart; every other response validates against the schema's definitions; the list pages and sorts; items and
 * associations read on their own; anonymous reads refused by default.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseProviderTest implements DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    CatalogueService catalogue;

    private Map<String, String> properties;
    private String token;
    private Schema schema;

    @Override
    public Map<String, String> getProperties() {
        if (properties == null) {
            properties = DatabaseTest.super.getProperties();
        }
        return properties;
    }

    @BeforeAll
    void aReader() throws Exception {
        token = TestUsers.of(context, http).tokenFor("case.reader", Roles.LEARNER);
        schema = caseSchema();
    }

    /** The published schema, loaded at the location its relative {@code $id} resolves against; formats asserted. */
    static Schema caseSchema() throws Exception {
        return caseSchema("");
    }

    /** The published schema, or one of its definitions ({@code #/$defs/…}). */
    static Schema caseSchema(String fragment) throws Exception {
        try (InputStream in = CaseProviderTest.class.getResourceAsStream("/schemas/case-v1p1-cfpackage-schema.json")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String location = "https://purl.imsglobal.org/spec/case/v1p1/schema/json/getCFPackage-200-responsepayload-schema.json";
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemas(Map.of(location, text)));
            return registry.getSchema(SchemaLocation.of(location + fragment));
        }
    }

    private static List<String> problems(Schema schema, JsonNode instance) {
        return schema.validate(instance).stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    /**
     * The other responses, checked against the same published definitions: a document as the package's document; an item or
     * association read on its own is the package's form plus its {@code CFDocumentURI} (CASE 1.1's CFItemDType and
     * CFAssociationDType), which is checked as the link it is. For every seed, every kind of item and every association
     * of one item of each kind it has.
     */
    @Test
    void everyOtherResponseValidatesAgainstThePublishedDefinitions() throws Exception {
        Schema document = caseSchema("#/$defs/CFPckgDocumentDType");
        Schema item = caseSchema("#/$defs/CFPckgItemDType");
        Schema association = caseSchema("#/$defs/CFPckgAssociationDType");
        Schema link = caseSchema("#/$defs/LinkURIDType");
        JsonNode list = get("/ims/case/v1p1/CFDocuments");
        assertEquals(5, list.get("CFDocuments").size());
        int items = 0;
        int associations = 0;
        Set<String> kinds = new HashSet<>();
        for (JsonNode listed : list.get("CFDocuments")) {
            assertEquals(List.of(), problems(document, listed));
            String id = listed.get("identifier").asText();
            assertEquals(List.of(), problems(document, get("/ims/case/v1p1/CFDocuments/" + id)));
            Map<String, String> oneOfEachKind = new java.util.TreeMap<>();
            get("/ims/case/v1p1/CFPackages/" + id).get("CFItems").forEach(i -> oneOfEachKind.putIfAbsent(i.get("CFItemType").asText(),
                    i.get("identifier").asText()));
            kinds.addAll(oneOfEachKind.keySet());
            for (String itemId : oneOfEachKind.values()) {
                JsonNode alone = get("/ims/case/v1p1/CFItems/" + itemId);
                assertStandalone(item, link, alone, id);
                JsonNode withAssociations = get("/ims/case/v1p1/CFItemAssociations/" + itemId);
                assertEquals(alone, withAssociations.get("CFItem"));
                assertEquals(Set.of("CFItem", "CFAssociations"), fieldNames(withAssociations));
                for (JsonNode each : withAssociations.get("CFAssociations")) {
                    assertStandalone(association, link, each, id);
                    assertEquals(each, get("/ims/case/v1p1/CFAssociations/" + each.get("identifier").asText()));
                    associations++;
                }
                items++;
            }
        }
        assertEquals(Set.of("Responsibility", "Task", "WorkOutput", "PerformanceIndicator", "Knowledge", "Skill", "Attitude"), kinds,
                "every kind of item, across the seeds");
        assertTrue(associations >= items, "each item is at least the child of one parent: " + associations + " for " + items);
    }

    private static void assertStandalone(Schema packageForm, Schema link, JsonNode standalone, String documentId) {
        com.fasterxml.jackson.databind.node.ObjectNode packaged = standalone.deepCopy();
        JsonNode documentUri = packaged.remove("CFDocumentURI");
        assertEquals(List.of(), problems(packageForm, packaged), standalone.toString());
        assertEquals(List.of(), problems(link, documentUri), standalone.toString());
        assertEquals(documentId, documentUri.get("identifier").asText());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token)));
    }

    @Test
    void everySeedIsAPackageThatValidatesAndHoldsTheWholeDocument() throws Exception {
        JsonNode list = get("/ims/case/v1p1/CFDocuments");
        assertEquals(5, list.get("CFDocuments").size());
        for (JsonNode document : list.get("CFDocuments")) {
            String id = document.get("identifier").asText();
            JsonNode cfPackage = get("/ims/case/v1p1/CFPackages/" + id);
            List<Error> errors = schema.validate(cfPackage);
            assertEquals(List.of(), errors.stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList(), document.get("title").asText());

            String code = cfPackage.get("CFDocument").get("extensions").get("icap").get("code").asText();
            CompetencyDocument source = catalogue.get(code);
            int outputs = source.tasks().stream().mapToInt(t -> t.outputs().size()).sum();
            int expectedItems = source.responsibilities().size() + source.tasks().size() + outputs + source.indicatorCount()
                    + source.knowledge().size() + source.skills().size() + source.attitudes().size();
            assertEquals(expectedItems, cfPackage.get("CFItems").size(), code);
            int related = source.tasks().stream().mapToInt(t -> t.knowledge().size() + t.skills().size() + t.attitudes().size()).sum();
            int isChildOf = 0;
            int isRelatedTo = 0;
            for (JsonNode association : cfPackage.get("CFAssociations")) {
                isChildOf += association.get("associationType").asText().equals("isChildOf") ? 1 : 0;
                isRelatedTo += association.get("associationType").asText().equals("isRelatedTo") ? 1 : 0;
            }
            assertEquals(expectedItems, isChildOf, code + ": every item is the child of one parent");
            assertEquals(related, isRelatedTo, code + ": every task's K, S and A");
            for (Task task : source.tasks()) {
                JsonNode item = find(cfPackage.get("CFItems"), task.code());
                assertEquals("Task", item.get("CFItemType").asText());
                assertEquals(task.title(), item.get("fullStatement").asText());
                if (task.level() != null) {
                    assertEquals(String.valueOf(task.level()), item.get("educationLevel").get(0).asText(), "the level is kept");
                }
            }
        }
    }

    @Test
    void theSchemaCheckCanFail() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode broken = (com.fasterxml.jackson.databind.node.ObjectNode)
                get("/ims/case/v1p1/CFPackages/" + CaseIds.document("KPS5294-001v4"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("CFDocument")).put("lastChangeDateTime", "yesterday");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("CFItems").get(0)).put("code", "T1");
        List<String> errors = schema.validate(broken).stream().map(e -> e.getInstanceLocation().toString()).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains("lastChangeDateTime")), "formats are asserted: " + errors);
        assertTrue(errors.stream().anyMatch(e -> e.contains("CFItems")), "no property outside the schema: " + errors);
        JsonNode standaloneItem = get("/ims/case/v1p1/CFItems/" + broken.get("CFItems").get(1).get("identifier").asText());
        assertTrue(!problems(caseSchema("#/$defs/CFPckgItemDType"), standaloneItem).isEmpty(), "a definition checks too: CFDocumentURI is no package item's");
    }

    @Test
    void theListPagesAndSorts() throws Exception {
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/ims/case/v1p1/CFDocuments?limit=2&offset=1&sort=identifier&orderBy=desc")
                .bearerAuth(token), String.class);
        assertEquals("5", page.header("X-Total-Count"));
        JsonNode all = get("/ims/case/v1p1/CFDocuments?sort=identifier&orderBy=desc");
        JsonNode two = JSON.readTree(page.body()).get("CFDocuments");
        assertEquals(2, two.size());
        assertEquals(all.get("CFDocuments").get(1), two.get(0));
        assertEquals(all.get("CFDocuments").get(2), two.get(1));
        assertTrue(all.get("CFDocuments").get(0).get("identifier").asText().compareTo(all.get("CFDocuments").get(1).get("identifier").asText()) > 0);
        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/ims/case/v1p1/CFDocuments?limit=0").bearerAuth(token)));
        assertEquals(422, bad.code());
    }

    @Test
    void itemsAndAssociationsAreReadOnTheirOwn() throws Exception {
        String document = CaseIds.document("KPS5294-001v4");
        JsonNode cfPackage = get("/ims/case/v1p1/CFPackages/" + document);
        JsonNode task = find(cfPackage.get("CFItems"), "T2.3");
        String taskId = task.get("identifier").asText();
        JsonNode item = get("/ims/case/v1p1/CFItems/" + taskId);
        assertEquals(task.get("fullStatement"), item.get("fullStatement"));
        assertEquals(document, item.get("CFDocumentURI").get("identifier").asText());
        JsonNode withAssociations = get("/ims/case/v1p1/CFItemAssociations/" + taskId);
        Set<String> types = new HashSet<>();
        withAssociations.get("CFAssociations").forEach(a -> types.add(a.get("associationType").asText()));
        assertEquals(Set.of("isChildOf", "isRelatedTo"), types, "its parent, its children, its K, S and A");
        String associationId = withAssociations.get("CFAssociations").get(0).get("identifier").asText();
        assertEquals(associationId, get("/ims/case/v1p1/CFAssociations/" + associationId).get("identifier").asText());
        for (String path : List.of("/CFDocuments/", "/CFPackages/", "/CFItems/", "/CFAssociations/", "/CFItemAssociations/")) {
            HttpClientResponseException missing = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                    HttpRequest.GET("/ims/case/v1p1" + path + "00000000-0000-5000-8000-000000000000").bearerAuth(token)));
            assertEquals(404, missing.code(), path);
        }
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/ims/case/v1p1/CFDocuments")));
        assertEquals(401, anonymous.code(), "signed-in users only, unless opened");
    }

    @Test
    void identifiersStayTheSameAcrossARestart() throws Exception {
        List<String> documents = new ArrayList<>();
        get("/ims/case/v1p1/CFDocuments").get("CFDocuments").forEach(d -> documents.add(d.get("identifier").asText()));
        assertEquals(5, documents.size());
        List<String> before = new ArrayList<>();
        for (String document : documents) {
            before.addAll(identifiers(get("/ims/case/v1p1/CFPackages/" + document)));
        }
        Map<String, Object> again = new HashMap<>(properties);
        again.put("micronaut.server.port", -1);
        again.put("app.case.public-read", true);
        try (EmbeddedServer restarted = ApplicationContext.run(EmbeddedServer.class, again);
             HttpClient client = HttpClient.create(restarted.getURL())) {
            JsonNode list = JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET("/ims/case/v1p1/CFDocuments")));
            assertEquals(5, list.get("CFDocuments").size(), "opened to anyone, the list needs no sign-in");
            List<String> after = new ArrayList<>();
            for (String document : documents) {
                after.addAll(identifiers(JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET("/ims/case/v1p1/CFPackages/" + document)))));
            }
            assertEquals(before, after, "every identifier of the five seeds");
        }
        // derived from the code alone (UUID version 5 in this product's namespace): the same in every release
        assertEquals("1ba38c6f-deed-576d-8649-39b3a6b87eda", CaseIds.document("KPS5294-001v4"));
    }

    private static List<String> identifiers(JsonNode cfPackage) {
        List<String> ids = new ArrayList<>(List.of(cfPackage.get("CFDocument").get("identifier").asText()));
        cfPackage.get("CFItems").forEach(i -> ids.add(i.get("humanCodingScheme").asText() + "=" + i.get("identifier").asText()));
        cfPackage.get("CFAssociations").forEach(a -> ids.add(a.get("identifier").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode items, String code) {
        for (JsonNode item : items) {
            if (item.get("humanCodingScheme").asText().equals(code)) {
                return item;
            }
        }
        throw new AssertionError("no item " + code);
    }
}
