package tw.training.sso;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.DatabaseTest;
import tw.training.testing.IdentityProvider;
import tw.training.testing.SignInFlow;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnTest implements DatabaseTest {

    private static IdentityProvider provider;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        provider = new IdentityProvider();
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.putAll(provider.properties("school", "school", true));
        return properties;
    }

    @AfterAll
    void stop() {
        provider.close();
    }

    @Test
    void firstSignInMakesAnAccount() {
        SignInFlow browser = new SignInFlow();
        provider.next("school", "s-1001", Map.of("email", "mei@school.example", "email_verified", true, "name", "王小美",
                "preferred_username", "mei", "groups", List.of("teachers")));
        String callback = browser.callbackFrom(server.getURL() + "/oauth/login/school");
        HttpResponse<String> answer = browser.get(callback);
        System.out.println(answer.statusCode() + " " + answer.headers().map() + "\n" + answer.body());
        assertEquals(303, answer.statusCode());
        assertTrue(browser.cookie("session").isPresent());
    }
}
