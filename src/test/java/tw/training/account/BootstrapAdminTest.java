package tw.training.account;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.DatabaseTest;
import tw.training.testing.TestUsers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** SPEC §7: APP_BOOTSTRAP_ADMIN_USERNAME / _PASSWORD create the first administrator, once. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootstrapAdminTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    AccountService accounts;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("app.bootstrap.admin.username", "Root.Admin");
        properties.put("app.bootstrap.admin.password", "bootstrap password 123");
        return properties;
    }

    @Test
    void theConfiguredAdministratorCanSignIn() {
        String token = new TestUsers(accounts, http).login("root.admin", "bootstrap password 123");

        assertEquals(List.of(Roles.ADMIN), accounts.get("root.admin").roles());
        assertFalse(token.isBlank());
    }

    @Test
    void noSecondAdministratorIsCreatedOnceOneExists() {
        boolean created = accounts.bootstrapAdmin("another.admin", "another password 123");

        assertFalse(created);
        assertEquals(1, accounts.search(null, Roles.ADMIN, null, 50, 0).size());
    }
}
