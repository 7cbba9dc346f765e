package tw.training.startup;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.util.List;

/**
 * Makes every {@link CheckedAtStart} bean before the database is migrated. Micronaut's Flyway runs the migrations as
 * soon as the data source is made, and asks for this customizer (by the data source's name) just before: a setting
 * missing or wrong (a signing secret, the store) therefore stops the start before any migration is applied. Being
 * {@code @Context}, it also makes them when migrations are off. Commands check only what they use, so it is not theirs.
 */
@Context
@Named(SettingsBeforeMigrations.DATA_SOURCE)
@Requires(notEnv = Environment.CLI)
class SettingsBeforeMigrations implements FlywayConfigurationCustomizer {

    static final String DATA_SOURCE = "default";

    SettingsBeforeMigrations(List<CheckedAtStart> checked) {
        // made, and so checked, by being injected
    }

    @Override
    public String getName() {
        return DATA_SOURCE;
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        // nothing to change: being asked for is the point
    }
}
