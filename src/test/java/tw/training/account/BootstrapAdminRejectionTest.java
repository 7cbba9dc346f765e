package tw.training.account;

import io.micronaut.context.event.StartupEvent;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tw.training.problem.ConfigurationProblem;
import tw.training.problem.InputError;
import tw.training.problem.InvalidInputException;
import tw.training.phrase.Phrase;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A bootstrap administrator the account rules refuse stops the start with the variable and the rule at fault (issue
 * 30, point 8), checked with the other settings; a start without any administrator says, in one line, how to create
 * the first.
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
            new BootstrapAdmin(accounts, new BootstrapAdminSettings(null, null)).run();
        } finally {
            logger.detachAppender(logged);
        }

        List<String> warnings = logged.list.stream().filter(event -> event.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("APP_BOOTSTRAP_ADMIN_USERNAME") && warnings.get(0).contains("APP_BOOTSTRAP_ADMIN_PASSWORD"), warnings.get(0));
    }

    @Test
    void aRefusedAdministratorNamesTheSettingAndTheRuleBeforeAnythingElse() {
        assertRefused("first.admin", "password123", "APP_BOOTSTRAP_ADMIN_PASSWORD", "most common passwords");
        assertRefused("first.admin", "short", "APP_BOOTSTRAP_ADMIN_PASSWORD", "at least 10 characters");
        assertRefused("first.admin", "first.admin and more", "APP_BOOTSTRAP_ADMIN_PASSWORD", "contain the username");
        assertRefused("first.admin", "lmnopqrstu", "APP_BOOTSTRAP_ADMIN_PASSWORD", "run like 1234567890");
        assertRefused("A", "a long enough passphrase", "APP_BOOTSTRAP_ADMIN_USERNAME", "3 to 64");
        new BootstrapAdminSettings("first.admin", "a long enough passphrase");
        new BootstrapAdminSettings("first.admin", null);
    }

    @Test
    void aUserTheAccountRulesRefuseOtherwiseIsStillASettingAtFault() {
        AccountService accounts = mock(AccountService.class);
        when(accounts.bootstrapAdmin("first.admin", "a long enough passphrase")).thenThrow(new InvalidInputException(Phrase.of("account.user-cannot-created-as-given"),
                List.of(InputError.field("email", "account.email-must-e-mail-address"))));

        ConfigurationProblem refused = assertThrows(ConfigurationProblem.class,
                () -> new BootstrapAdmin(accounts, new BootstrapAdminSettings("first.admin", "a long enough passphrase")).run());

        assertTrue(refused.getMessage().contains("APP_BOOTSTRAP_ADMIN_USERNAME") && refused.getMessage().contains("email: email must be an e-mail address"),
                refused.getMessage());
    }

    private static void assertRefused(String username, String password, String setting, String rule) {
        ConfigurationProblem refused = assertThrows(ConfigurationProblem.class, () -> new BootstrapAdminSettings(username, password));
        assertEquals(setting, refused.setting());
        assertTrue(refused.getMessage().contains(rule), refused.getMessage());
    }
}
