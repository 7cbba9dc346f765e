package tw.training.health;

import io.micronaut.data.connection.exceptions.ConnectionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The last known state of each dependency. A change is logged once, in one line, with the cause's message
 * only: during an outage every request fails alike, and a stack trace per request would bury the log.
 */
@Singleton
public class Dependencies {

    private static final Logger LOG = LoggerFactory.getLogger(Dependencies.class);

    private final Map<Dependency, String> down = new EnumMap<>(Dependency.class);

    /** The dependency failed to answer; {@code cause} says how. */
    public synchronized void lost(Dependency dependency, String cause) {
        if (!down.containsKey(dependency)) {
            LOG.warn("The {} cannot be reached: {}. Requests that need it answer 503 until it is back.", dependency.reportedAs, cause);
        }
        down.put(dependency, cause);
    }

    /** The dependency answered. */
    public synchronized void reached(Dependency dependency) {
        if (down.remove(dependency) != null) {
            LOG.info("The {} is reachable again.", dependency.reportedAs);
        }
    }

    public synchronized boolean isDown(Dependency dependency) {
        return down.containsKey(dependency);
    }

    synchronized Map<Dependency, String> snapshot() {
        return new EnumMap<>(down);
    }

    /**
     * Whether a failure means the database could not be reached (no connection within the pool's time-out, a
     * connection refused or broken), as against a fault of the statement or of the code.
     */
    public static boolean isUnreachableDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof ConnectException || cause instanceof ConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The first line of the innermost cause's message, for a log line. */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
