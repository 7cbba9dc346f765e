package tw.training;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import tw.training.health.Dependencies;
import tw.training.problem.ConfigurationProblem;


/**
 * Starts the server, and when the start fails says why in one line on standard error and exits non-zero: a
 * setting missing or wrong (2) names the setting; a database that cannot be reached (3) names
 * {@code DATASOURCES_DEFAULT_URL}. Anything else (1) is in the log with its cause.
 */
final class Start extends Micronaut {

    static final int CONFIGURATION = 2;
    static final int DATABASE = 3;

    @Override
    protected void handleStartupException(Environment environment, Throwable failure) {
        int code = 1;
        String line = "the server could not start: " + rootMessage(failure) + " (details in the log above)";
        ConfigurationProblem problem = find(failure, ConfigurationProblem.class);
        if (problem != null) {
            code = CONFIGURATION;
            line = "configuration: " + problem.getMessage();
        } else if (Dependencies.isUnreachableDatabase(failure)) {
            code = DATABASE;
            String url = environment == null ? "" : environment.getProperty("datasources.default.url", String.class).orElse("");
            line = "configuration: DATASOURCES_DEFAULT_URL " + url.replaceAll("//[^/@]*@", "//") + " cannot be reached: "
                    + rootMessage(failure);
        }
        System.err.println(line);
        System.err.flush();
        System.exit(code);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        return Dependencies.reason(failure);
    }
}
