package tw.training.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server that refuses every recipient for good ({@code 550 5.1.1}), as a relay answers for a mailbox that does
 * not exist: what GreenMail, which takes everything, cannot show.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket listener;

    RefusingSmtpServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "refusing-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try (Socket client = listener.accept()) {
                converse(client);
            } catch (IOException closed) {
                // the listener closed, or the client went away
            }
        }
    }

    private static void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        say(out, "220 refusing.example ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
            switch (command) {
                case "EHLO", "HELO" -> say(out, "250 refusing.example");
                case "MAIL", "RSET", "NOOP" -> say(out, "250 2.0.0 OK");
                case "RCPT" -> say(out, "550 5.1.1 No such mailbox here");
                case "QUIT" -> {
                    say(out, "221 2.0.0 Bye");
                    return;
                }
                default -> say(out, "502 5.5.2 Not implemented");
            }
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
