package tw.training.startup;

import tw.training.health.Dependencies;
import tw.training.problem.ConfigurationProblem;

import java.sql.SQLException;
import java.util.function.Function;

/**
 * Why the server or a command could not start, as the one line an operator reads on standard error and the exit code
 * a script tests (README, "Exit codes"): a setting missing or wrong names its environment variable (2), a database
 * that cannot be reached names {@code DATASOURCES_DEFAULT_URL} (3); anything else is 1, with its cause in the log.
 *
 * @param exitCode what the process exits with
 * @param line     what it says on standard error
 */
public record StartFailure(int exitCode, String line) {

    public static final int OTHER = 1;
    public static final int SETTING = 2;
    public static final int DATABASE = 3;
    /** A command found the database without this jar's migrations (and was not told {@code --migrate}). */
    public static final int SCHEMA = 4;

    /** PostgreSQL: invalid_authorization_specification, invalid_password; H2 uses the first for a wrong user or password. */
    private static final String REFUSED_LOGIN = "28000";
    private static final String WRONG_PASSWORD = "28P01";
    /** PostgreSQL: the database named in the URL does not exist. */
    private static final String NO_DATABASE = "3D000";

    /**
     * @param failure  what stopped the start
     * @param property a configuration property's value, or null, to name the database in the line
     */
    public static StartFailure of(Throwable failure, Function<String, String> property) {
        ConfigurationProblem problem = find(failure, ConfigurationProblem.class);
        if (problem != null) {
            return new StartFailure(SETTING, "configuration: " + problem.getMessage());
        }
        String database = databaseUrl(property);
        SQLException sql = find(failure, SQLException.class);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.equals(WRONG_PASSWORD) || state.equals(REFUSED_LOGIN)) {
            return new StartFailure(SETTING, "configuration: DATASOURCES_DEFAULT_PASSWORD (or DATASOURCES_DEFAULT_USERNAME) is refused by "
                    + database + ": " + Dependencies.reason(failure));
        }
        if (state.equals(NO_DATABASE)) {
            return new StartFailure(SETTING, "configuration: DATASOURCES_DEFAULT_URL names a database that does not exist ("
                    + database + "): " + Dependencies.reason(failure));
        }
        if (Dependencies.isUnreachableDatabase(failure)) {
            return new StartFailure(DATABASE, "configuration: DATASOURCES_DEFAULT_URL " + database + " cannot be reached: "
                    + Dependencies.reason(failure));
        }
        return new StartFailure(OTHER, "could not start: " + Dependencies.reason(failure) + " (details in the log above)");
    }

    private static String databaseUrl(Function<String, String> property) {
        String url = property == null ? null : property.apply("datasources.default.url");
        // the URL may carry a user and password: never print them
        return url == null ? "the database" : url.replaceAll("//[^/@]*@", "//").replaceAll("(?i)(password|user)=[^;&]*", "$1=…");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
