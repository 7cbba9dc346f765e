package tw.training.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.DatabaseTest;
import tw.training.testing.Parallel;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Instances started at once on an empty database (issue 29, point 4): each creates the first administrator unless one
 * exists; whichever wins, the others start normally and exactly one administrator exists.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootstrapRaceTest implements DatabaseTest {

    @Inject
    AccountService accounts;

    @Test
    void eightStartsAtOnceCreateOneAdministratorAndAllGoOn() throws Exception {
        List<String> outcomes = Parallel.run(8, instance -> {
            try {
                new BootstrapAdmin(accounts, new BootstrapAdminSettings("first.admin", "bootstrap password 123")).run();
                return "started";
            } catch (RuntimeException e) {
                return "failed: " + e;
            }
        });
        assertEquals(List.of("started", "started", "started", "started", "started", "started", "started", "started"), outcomes);
        assertEquals(List.of("first.admin"), accounts.search(null, Roles.ADMIN, null, 50, 0).stream().map(UserResponse::username).toList());
    }
}
