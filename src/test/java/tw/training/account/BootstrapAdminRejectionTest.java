package tw.training.account;

import io.micronaut.context.event.StartupEvent;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A bootstrap administrator the account rules refuse stops the start with the variable and the rule at fault; a
 * start without any administrator says, in one line, how to create the first.
 */
class BootstrapAdminRejectionTest {

    @Test
    void aStartWithoutAnyAdministratorSaysHowToCreateOne() {
        AccountService accounts = mock(AccountService.class);
        when(accounts.hasAdministrator()).thenReturn(false);
        Logger logger = (Logger) LoggerFactory.getLogger(BootstrapAdmin.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            new BootstrapAdmin(accounts, null, null).onStartup(mock(StartupEvent.class));
        } finally {
            logger.detachAppender(logged);
        }

        List<String> warnings = logged.list.stream().filter(event -> event.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("APP_BOOTSTRAP_ADMIN_USERNAME") && warnings.get(0).contains("APP_BOOTSTRAP_ADMIN_PASSWORD"), warnings.get(0));
    }

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
