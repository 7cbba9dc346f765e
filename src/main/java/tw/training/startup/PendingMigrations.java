package tw.training.startup;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

import javax.sql.DataSource;
import java.util.Optional;

/** Whether the database lacks migrations this jar carries, said as the one line a command refuses with. */
public final class PendingMigrations {

    private PendingMigrations() {
    }

    /** Empty when the database has every migration of this jar. */
    public static Optional<String> in(DataSource database, String locations) {
        MigrationInfoService info = Flyway.configure().dataSource(database).locations(locations.split(",")).load().info();
        MigrationInfo[] pending = info.pending();
        if (pending.length == 0) {
            return Optional.empty();
        }
        String at = info.current() == null ? "no schema yet" : "version " + info.current().getVersion();
        return Optional.of("the database lacks " + pending.length + " migration(s) of this jar (it has " + at + ", this jar brings version "
                + pending[pending.length - 1].getVersion() + "): start this version's server once, or run the command with " + MigrateOption.FLAG);
    }
}
