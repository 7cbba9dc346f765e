package tw.training.sso;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.DatabaseTest;
import tw.training.testing.IdentityProvider;
import tw.training.testing.Instances;
import tw.training.testing.SignInFlow;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 32, acceptance 4: a sign-in started on one instance and returning to another completes. The state, nonce and
 * PKCE verifier travel in the browser's cookies and the redirect URI is the public address, so nothing of the sign-in
 * is kept in one instance's memory; the session opened by the second is honoured by the first (one database).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesSignInTest implements DatabaseTest {

    private final Instances instances = new Instances();
    private IdentityProvider provider;
    private EmbeddedServer first;
    private EmbeddedServer second;

    @BeforeAll
    void start() {
        provider = new IdentityProvider();
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.putAll(provider.properties("school", "school", true));
        properties.put("micronaut.server.port", -1);
        first = instances.start(properties);
        second = instances.start(properties);
    }

    @AfterAll
    void stop() {
        instances.close();
        provider.close();
    }

    @Test
    void aSignInStartedOnOneInstanceCompletesOnTheOther() {
        SignInFlow browser = new SignInFlow();
        provider.next("school", "s-two", Map.of("email", "two@school.example", "email_verified", true, "preferred_username", "two.instances"));
        String callback = browser.callbackFrom(first.getURL() + "/oauth/login/school");
        HttpResponse<String> answer = browser.get(SignInFlow.at(second.getURL().toString(), callback));
        assertEquals(303, answer.statusCode(), answer::body);
        assertEquals("/home", SignInFlow.location(answer));
        assertTrue(browser.cookie("session").isPresent());
        HttpResponse<String> onFirst = browser.get(first.getURL() + "/account/password");
        assertEquals(200, onFirst.statusCode(), "the session the second opened is the first's too");
        assertEquals(200, browser.get(second.getURL() + "/account/password").statusCode());
    }
}
