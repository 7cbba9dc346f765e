package tw.training.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Servers of one test started and restarted with settings of their own, as instances behind a load balancer are
 * during a rolling change; closed together at the end.
 */
public final class Instances implements AutoCloseable {

    private final List<EmbeddedServer> running = new ArrayList<>();

    public EmbeddedServer start(Map<String, Object> properties) {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        running.add(server);
        return server;
    }

    /** Stops {@code server} and starts one with {@code properties} in its place. */
    public EmbeddedServer restart(EmbeddedServer server, Map<String, Object> properties) {
        server.close();
        running.remove(server);
        return start(properties);
    }

    @Override
    public void close() {
        running.forEach(EmbeddedServer::close);
        running.clear();
    }
}
