package tw.training.account;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.problem.ConfigurationProblem;
import tw.training.startup.CheckedAtStart;

import java.util.Optional;

/**
 * {@code APP_BOOTSTRAP_ADMIN_USERNAME} and {@code APP_BOOTSTRAP_ADMIN_PASSWORD}, checked with the other settings before
 * the database is touched: a username or password the account rules refuse stops the start naming the setting and the
 * rule it breaks, rather than a server nobody can sign in to. Checked when both are set, whether or not an
 * administrator exists already ({@link BootstrapAdmin} then ignores them): a weak password should not sit in the
 * environment either.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class BootstrapAdminSettings implements CheckedAtStart {

    private final Optional<String> username;
    private final Optional<String> password;

    BootstrapAdminSettings(@Nullable @Value("${app.bootstrap.admin.username:}") String username,
                           @Nullable @Value("${app.bootstrap.admin.password:}") String password) {
        this.username = Optional.ofNullable(username).map(String::strip).filter(name -> !name.isEmpty());
        this.password = Optional.ofNullable(password).filter(secret -> !secret.isEmpty());
        if (this.username.isPresent() && this.password.isPresent()) {
            if (!AccountService.USERNAME.matcher(this.username.get().toLowerCase()).matches()) {
                throw new ConfigurationProblem("APP_BOOTSTRAP_ADMIN_USERNAME", "must be 3 to 64 of a-z, 0-9, '.', '_', '-', starting with a"
                        + " letter or digit (was '" + this.username.get() + "')");
            }
            Passwords.weakness(this.password.get(), this.username.get()).ifPresent(rule -> {
                throw new ConfigurationProblem("APP_BOOTSTRAP_ADMIN_PASSWORD", "is refused by the password rules: " + rule.english());
            });
        }
    }

    /** The first administrator's name and password, as set. */
    record Credentials(String username, String password) {
    }

    /** Both settings, when both are set. */
    Optional<Credentials> credentials() {
        return username.isPresent() && password.isPresent() ? Optional.of(new Credentials(username.get(), password.get())) : Optional.empty();
    }
}
