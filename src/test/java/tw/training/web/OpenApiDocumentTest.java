package tw.training.web;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.Hidden;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document says what the server does: every API route is in it, the signed-in user is no request
 * property, sign-in and its bearer scheme are there, the evidence parts have the names the server reads, and the
 * document is served as YAML.
 */
@MicronautTest
class OpenApiDocumentTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Router router;

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentMatchesTheRoutes() {
        HttpResponse<String> served = http.toBlocking().exchange(HttpRequest.GET("/swagger/competency-backend-0.1.0.yml"), String.class);
        String text = served.body();
        Map<String, Object> document = new Yaml().load(text);
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");

        assertEquals("application/yaml", served.getContentType().orElseThrow().getName());
        List<String> missing = router.uriRoutes()
                .filter(route -> route.getUriMatchTemplate().toString().startsWith("/api/") || route.getUriMatchTemplate().toString().equals("/login"))
                // HEAD comes with every GET by itself
                .filter(route -> !route.getHttpMethodName().equals("HEAD"))
                .map(route -> route.getHttpMethodName().toLowerCase() + " " + route.getUriMatchTemplate().toString().replaceAll("\\{\\?[^}]*}", ""))
                .filter(route -> {
                    String[] parts = route.split(" ", 2);
                    return !paths.containsKey(parts[1]) || !paths.get(parts[1]).containsKey(parts[0]);
                })
                .toList();
        assertEquals(List.of(), missing, "routes the document leaves out");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        assertFalse(text.contains("#/components/schemas/Actor") || schemas.containsKey("Actor"), "the signed-in user is no request property");
        assertTrue(((Map<String, Object>) ((Map<String, Object>) document.get("components")).get("securitySchemes")).containsKey("bearer"));
        Map<String, Object> submit = (Map<String, Object>) paths.get("/api/enrollments/{id}/evidence").get("post");
        Map<String, Object> multipart = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) submit.get("requestBody"))
                .get("content")).get("multipart/form-data");
        String reference = (String) ((Map<String, Object>) multipart.get("schema")).get("$ref");
        Map<String, Object> parts = (Map<String, Object>) ((Map<String, Object>) schemas.get(reference.substring(reference.lastIndexOf('/') + 1)))
                .get("properties");
        assertEquals(List.of("metadata", "file"), List.copyOf(parts.keySet()));
        assertTrue(((Map<String, Object>) submit.get("responses")).containsKey("201"));
        assertEquals(List.of(), undocumentedCreations(paths), "routes answering 201 that the document says answer otherwise");
    }

    /**
     * Every controller method that answers {@code HttpResponse.created(…)} or carries {@code @Status(CREATED)} and is
     * not documented as answering 201 with a body.
     */
    @SuppressWarnings("unchecked")
    private static List<String> undocumentedCreations(Map<String, Map<String, Object>> paths) {
        List<String> undocumented = new ArrayList<>();
        int creations = 0;
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("tw.training")) {
            if (!type.isAnnotatedWith(Controller.class) || type.isAnnotatedWith(Hidden.class)) {
                // pages (hidden from the API document) answer people, not API clients
                continue;
            }
            String base = type.getAnnotationOfType(Controller.class).value();
            for (JavaMethod method : type.getMethods()) {
                boolean creates = method.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().isEquivalentTo(HttpResponse.class) && call.getName().equals("created"))
                        || method.isAnnotatedWith(Status.class) && method.getAnnotationOfType(Status.class).value() == HttpStatus.CREATED;
                if (!creates || !method.isAnnotatedWith(Post.class)) {
                    continue;
                }
                creations++;
                String uri = method.getAnnotationOfType(Post.class).value();
                String path = base.equals("/") ? uri : uri.equals("/") ? base : base + uri;
                Map<String, Object> post = (Map<String, Object>) paths.getOrDefault(path, Map.of()).get("post");
                Object created = post == null ? null : ((Map<String, Object>) post.get("responses")).get("201");
                if (!(created instanceof Map<?, ?> response && response.containsKey("content"))) {
                    undocumented.add("POST " + path);
                }
            }
        }
        assertTrue(creations >= 10, "the scan finds the creating routes: " + creations);
        return undocumented;
    }
}
