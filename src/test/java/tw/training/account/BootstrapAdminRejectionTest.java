package tw.training.account;

import io.micronaut.context.event.StartupEvent;
import org.junit.jupiter.api.Test;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A bootstrap administrator the account rules refuse stops the start with the variable and the rule at fault. */
class BootstrapAdminRejectionTest {

    @Test
    void aRefusedAdministratorNamesTheFieldAndTheRule() {
        AccountService accounts = mock(AccountService.class);
        when(accounts.bootstrapAdmin("a", "short")).thenThrow(new InvalidInputException("The user cannot be created as given",
                List.of(InputError.field("username", "3 to 32 characters"), InputError.field("password", "at least 12 characters"))));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new BootstrapAdmin(accounts, "a", "short").onStartup(mock(StartupEvent.class)));

        assertTrue(refused.getMessage().contains("APP_BOOTSTRAP_ADMIN_USERNAME"), refused.getMessage());
        assertTrue(refused.getMessage().contains("username: 3 to 32 characters; password: at least 12 characters"), refused.getMessage());
    }
}
