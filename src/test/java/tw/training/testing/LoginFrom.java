package tw.training.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /login} sent from a source address of the loopback range (127.0.0.2, 127.0.0.3…), so that tests of the
 * throttle have as many clients as they need, each a real address the server sees; with a device cookie, if given.
 */
public final class LoginFrom {

    private static final Pattern DEVICE = Pattern.compile("^device=([^;]*)", Pattern.CASE_INSENSITIVE);

    private LoginFrom() {
    }

    /** A status, headers (the last of each name) and the {@code device} cookie set, if any. */
    public record Answer(int status, Map<String, String> headers, String device) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public static Answer send(int port, String source, String username, String password) {
        return send(port, source, username, password, null);
    }

    public static Answer send(int port, String source, String username, String password, String device) {
        byte[] body = ("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").getBytes(StandardCharsets.UTF_8);
        List<String> head = new ArrayList<>(List.of("Content-Type: application/json", "Content-Length: " + body.length, "Connection: close"));
        if (device != null) {
            head.add("Cookie: device=" + device);
        }
        try (RawHttp client = new RawHttp(port, source)) {
            client.head("POST /login HTTP/1.1", head.toArray(String[]::new)).send(body);
            String answer = client.answer();
            Map<String, String> headers = new HashMap<>();
            String cookie = null;
            for (String line : answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String name = line.substring(0, colon).strip().toLowerCase();
                    String value = line.substring(colon + 1).strip();
                    headers.put(name, value);
                    Matcher set = DEVICE.matcher(value);
                    if (name.equals("set-cookie") && set.find()) {
                        cookie = set.group(1);
                    }
                }
            }
            return new Answer(Integer.parseInt(answer.split(" ")[1]), headers, cookie);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
