package tw.training;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import tw.training.startup.StartFailure;


/**
 * Starts the server, and when the start fails says why in one line on standard error and exits non-zero
 * ({@link StartFailure}): a setting missing or wrong names the setting; a database that cannot be reached names
 * {@code DATASOURCES_DEFAULT_URL}.
 */
final class Start extends Micronaut {

    @Override
    protected void handleStartupException(Environment environment, Throwable failure) {
        StartFailure refused = StartFailure.of(failure, environment == null ? null
                : name -> environment.getProperty(name, String.class).orElse(null));
        System.err.println(refused.line());
        System.err.flush();
        System.exit(refused.exitCode());
    }
}
