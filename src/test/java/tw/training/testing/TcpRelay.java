package tw.training.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Relays TCP connections from a port of 127.0.0.1 to another port there, and can be cut and restored on the same
 * port: a dependency going away and coming back, as the server sees it, without stopping the dependency itself. It can
 * also be frozen: connections are still accepted and kept open but no byte passes either way, as a dependency
 * stopped with SIGSTOP or behind a network partition looks; thawed, what was held passes on.
 */
public final class TcpRelay implements AutoCloseable {

    private volatile int target;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private boolean frozen;
    private volatile boolean hangingUp;

    public TcpRelay(int target) throws IOException {
        this.target = target;
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        }
        restore();
    }

    /** Relays new connections to {@code target} from now on (a server started after the relay, which it must name). */
    public void to(int target) {
        this.target = target;
    }

    public int port() {
        return port;
    }

    /** Refuses new connections and breaks the open ones. */
    public synchronized void cut() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /**
     * A server away that keeps its port: every new connection is accepted and closed at once, the open ones are broken,
     * until {@link #answer()}. Unlike {@link #cut()}, the port is never free for another process to take meanwhile
     * (another test JVM did, and the "away" server answered).
     */
    public synchronized void hangUp() throws IOException {
        hangingUp = true;
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /** Relays again after {@link #hangUp()}. */
    public synchronized void answer() {
        hangingUp = false;
    }

    /** No byte passes, on open connections and new ones, until {@link #thaw()}. */
    public synchronized void freeze() {
        frozen = true;
    }

    public synchronized void thaw() {
        frozen = false;
        notifyAll();
    }

    private synchronized void awaitThaw() throws InterruptedException {
        while (frozen) {
            wait();
        }
    }

    /** Listens again on the same port. */
    public synchronized void restore() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = socket;
        Thread acceptor = new Thread(() -> accept(socket), "tcp-relay-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (hangingUp) {
                    client.close();
                    continue;
                }
                awaitThaw();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException | InterruptedException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    awaitThaw();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException broken) {
                // the other side went away, or the relay was cut
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException ignored) {
                    // closing twice
                }
            }
        }, "tcp-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
