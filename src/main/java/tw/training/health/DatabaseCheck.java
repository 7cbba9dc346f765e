package tw.training.health;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

/** The database answers a trivial query through the application's pool, waiting at most its connection time-out. */
@Singleton
class DatabaseCheck implements DependencyCheck {

    private final DataSource dataSource;

    DatabaseCheck(DataSource dataSource) {
        // the pool itself: the probe runs outside any transaction or connection the application opened
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public Dependency dependency() {
        return Dependency.DATABASE;
    }

    @Override
    public void check() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            statement.execute("SELECT 1");
        }
    }
}
