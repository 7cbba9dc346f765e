package tw.training.account;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.training.problem.ConflictException;
import tw.training.problem.ConfigurationProblem;
import tw.training.problem.InvalidInputException;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * SPEC §7: at start, if no administrator exists and APP_BOOTSTRAP_ADMIN_USERNAME / _PASSWORD are set, that
 * administrator is created. Once one exists the variables are ignored (and may be removed).
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class BootstrapAdmin implements StartupTask {

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final AccountService accounts;
    private final BootstrapAdminSettings settings;

    BootstrapAdmin(AccountService accounts, BootstrapAdminSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public void run() {
        Optional<BootstrapAdminSettings.Credentials> credentials = settings.credentials();
        if (credentials.isEmpty()) {
            if (!accounts.hasAdministrator()) {
                LOG.warn("No administrator exists, so nobody can sign in: start once with APP_BOOTSTRAP_ADMIN_USERNAME and"
                        + " APP_BOOTSTRAP_ADMIN_PASSWORD set to create the first one");
            }
            return;
        }
        String username = credentials.get().username();
        String password = credentials.get().password();
        try {
            if (accounts.bootstrapAdmin(username, password)) {
                LOG.info("Created the first administrator '{}' from APP_BOOTSTRAP_ADMIN_USERNAME", username.strip().toLowerCase());
            }
        } catch (ConflictException taken) {
            // two instances started at once on an empty database, and the other created it between our look and our insert
            if (!accounts.hasAdministrator()) {
                throw new IllegalStateException("APP_BOOTSTRAP_ADMIN_USERNAME names a user that exists and is no enabled administrator", taken);
            }
            LOG.info("The first administrator was created by another instance starting at the same time");
        } catch (InvalidInputException rejected) {
            // what the settings' own check cannot see (the rules of a user's other fields): still a setting at fault
            throw new ConfigurationProblem("APP_BOOTSTRAP_ADMIN_USERNAME / APP_BOOTSTRAP_ADMIN_PASSWORD", "rejected: " + rejected.errors().stream()
                    .map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")));
        }
    }
}
