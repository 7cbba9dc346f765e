package tw.training;

import io.micronaut.context.ApplicationContext;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.security.annotation.Secured;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.DatabaseTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route of the application states who may use it, so a new endpoint cannot be open by accident:
 * controllers by {@code @Secured} (or the JSR-250 annotations), management endpoints by an explicit
 * {@code endpoints.<id>.sensitive}, static resources by an entry of {@code intercept-url-map}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteSecurityTest implements DatabaseTest {

    @Inject
    Router router;

    @Inject
    ApplicationContext context;

    @Test
    void everyRouteHasAnExplicitSecurityRule() {
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes().toList();

        List<String> withoutRule = routes.stream().filter(route -> !hasExplicitRule(route))
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate()).toList();

        assertTrue(routes.size() > 10, "the router lists the application's routes: " + routes.size());
        assertEquals(List.of(), withoutRule);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyStaticResourceMappingIsInTheInterceptUrlMap() {
        Map<String, Object> staticResources = context.getProperty("micronaut.router.static-resources", Map.class).orElseThrow();
        List<Map<String, Object>> interceptUrlMap = context.getProperty("micronaut.security.intercept-url-map", List.class).orElseThrow();
        List<Object> patterns = interceptUrlMap.stream().map(entry -> entry.get("pattern")).toList();

        for (Object resource : staticResources.values()) {
            Object mapping = ((Map<String, Object>) resource).get("mapping");
            assertTrue(patterns.contains(mapping), mapping + " has no rule in intercept-url-map");
        }
    }

    private boolean hasExplicitRule(UriRouteInfo<?, ?> route) {
        var metadata = route.getTargetMethod().getAnnotationMetadata();
        if (metadata.hasStereotype(Secured.class) || metadata.hasStereotype(PermitAll.class) || metadata.hasStereotype(RolesAllowed.class)) {
            return true;
        }
        return metadata.stringValue(Endpoint.class)
                .map(id -> context.getProperty("endpoints." + id + ".sensitive", Boolean.class).isPresent())
                .orElse(false);
    }
}
