package tw.training.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Bounds every wait on PostgreSQL. Without a socket time-out a query sent to a database that stopped answering (SIGSTOP,
 * a network partition: the connection stays open, nothing comes back) waits for ever, and so does its request. With
 * it, the driver gives up after {@code app.database.socket-timeout} (30 s) of silence, the connection is dropped and
 * the request answers 503 with {@code Retry-After}. A statement that keeps the database silent that long is stopped
 * alike, so the setting must exceed the longest legitimate one (README, "Time-outs"). New connections wait at most {@code app.database.connect-timeout} (5 s); a request waits for a pooled one
 * at most {@code datasources.default.connection-timeout} (3 s). H2, embedded, has no socket to bound.
 */
@Singleton
class DatabaseTimeouts implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final Duration socket;
    private final Duration connect;

    DatabaseTimeouts(@Value("${app.database.socket-timeout:30s}") Duration socket, @Value("${app.database.connect-timeout:5s}") Duration connect) {
        this.socket = socket;
        this.connect = connect;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            // the driver's own properties, in whole seconds; an operator's value in the URL wins over these
            configuration.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(1, socket.toSeconds())));
            configuration.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, connect.toSeconds())));
            configuration.addDataSourceProperty("loginTimeout", String.valueOf(Math.max(1, connect.toSeconds())));
            configuration.addDataSourceProperty("tcpKeepAlive", "true");
        }
        return configuration;
    }
}
