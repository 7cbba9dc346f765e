package tw.training.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare HTTP/1.1 client over a socket, for requests no well-behaved client sends: parts in odd orders, bodies
 * cut off, headers that lie. Reading an answer has a generous time limit, so a server that never answers fails
 * the test instead of hanging it; no assertion depends on how fast the answer comes.
 */
public final class RawHttp implements AutoCloseable {

    /** Far beyond any answer on a slow machine; reached only when the server does not answer at all. */
    private static final int NO_ANSWER_MILLIS = 60_000;

    private final Socket socket;
    private final OutputStream out;

    public RawHttp(int port) throws IOException {
        this(port, "127.0.0.1");
    }

    /**
     * A client whose requests come from another loopback address ({@code 127.0.0.2}…), as a second machine's
     * would: the server sees a different source.
     */
    public RawHttp(int port, String source) throws IOException {
        socket = new Socket(java.net.InetAddress.getByName("127.0.0.1"), port, java.net.InetAddress.getByName(source), 0);
        socket.setSoTimeout(NO_ANSWER_MILLIS);
        out = socket.getOutputStream();
    }

    /** Sends the request line and headers, ending with the blank line; the body follows through {@link #send}. */
    public RawHttp head(String requestLine, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return send(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    public RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The status code of the answer, read up to the end of the status line. */
    public int status() throws IOException {
        String line = statusLine();
        return Integer.parseInt(line.split(" ")[1]);
    }

    /** Everything the server sends until it closes the connection or the time limit passes. */
    public String answer() throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read.write(buffer, 0, n);
                if (complete(read.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (java.net.SocketException e) {
            // a server may reset a connection whose body it refused to read; what came before counts
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    private String statusLine() throws IOException {
        String answer = answer();
        if (answer.isEmpty()) {
            throw new IOException("the server closed the connection without an answer");
        }
        return answer.substring(0, answer.indexOf("\r\n"));
    }

    /** An answer with a Content-Length is complete once that many body bytes came. */
    private static boolean complete(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String header : answer.substring(0, end).split("\r\n")) {
            if (header.toLowerCase().startsWith("content-length:")) {
                int length = Integer.parseInt(header.substring(15).strip());
                return answer.substring(end + 4).getBytes(StandardCharsets.UTF_8).length >= length;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
