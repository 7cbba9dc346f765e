package tw.training.web;

import io.micronaut.core.annotation.Nullable;
import tw.training.problem.InvalidInputException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) from a stream, one part at a time and in the order the
 * client sent them. A part's content is itself a stream that ends at the next delimiter, so a file is never
 * held in memory whatever its size or position; the only buffers are a fixed window and the part headers,
 * which are bounded. A body that breaks the format (no delimiter, a header block without end, a truncated
 * part) is refused as soon as the fault is read.
 */
public final class MultipartReader {

    private static final int WINDOW = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    /** One part: its form name, its file name when it is a file, the type it declared, and its content. */
    public record Part(String name, @Nullable String filename, @Nullable String contentType, InputStream content) {

        /** A form field's value as UTF-8 text, refused past {@code maxBytes}: a field is a few words, never a file. */
        public String text(int maxBytes) throws IOException {
            byte[] bytes = content.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw InvalidInputException.of(name, "web.most-bytes", maxBytes);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final InputStream in;
    /** {@code CRLF--boundary}: what ends every part's content. */
    private final byte[] delimiter;
    private final byte[] window = new byte[WINDOW];
    private int start;
    private int end;
    private boolean eof;
    private boolean finished;
    private PartContent current;

    public MultipartReader(InputStream in, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw InvalidInputException.of("Content-Type", "web.multipart-body-needs-boundary-characters");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // the first delimiter has no line break before it: pretend one was read, so every delimiter looks alike
        window[0] = CR;
        window[1] = LF;
        end = 2;
    }

    /** The boundary named by a {@code Content-Type} header value, without quotes. */
    public static Optional<String> boundaryOf(@Nullable String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("boundary")) {
                return Optional.of(unquote(pair[1].strip()));
            }
        }
        return Optional.empty();
    }

    /**
     * The next part, once whatever is left of the current one is skipped; empty after the closing delimiter.
     */
    public Optional<Part> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        if (current == null) {
            skipPreamble();
        } else {
            current.skipRest();
        }
        if (readDelimiterEnd()) {
            finished = true;
            return Optional.empty();
        }
        String headers = readHeaders();
        current = new PartContent();
        return Optional.of(part(headers, current));
    }

    private void skipPreamble() throws IOException {
        // the preamble is read as if it were a part's content, and discarded
        new PartContent().skipRest();
    }

    /** After a delimiter: {@code --} closes the body, a line break opens the next part (padding allowed). */
    private boolean readDelimiterEnd() throws IOException {
        fill(2);
        if (end - start >= 2 && window[start] == '-' && window[start + 1] == '-') {
            start += 2;
            return true;
        }
        while (true) {
            fill(1);
            if (start == end) {
                throw malformed("the body ends inside a delimiter");
            }
            byte b = window[start++];
            if (b == LF) {
                return false;
            }
            if (b != CR && b != ' ' && b != '\t') {
                throw malformed("a delimiter is followed by something other than a line break");
            }
        }
    }

    private String readHeaders() throws IOException {
        StringBuilder headers = new StringBuilder();
        int total = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            fill(1);
            if (start == end) {
                throw malformed("the body ends inside a part's headers");
            }
            byte b = window[start++];
            if (++total > MAX_HEADER_BYTES) {
                throw malformed("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (b != LF) {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isEmpty()) {
                return headers.toString();
            }
            headers.append(text).append('\n');
        }
    }

    private static Part part(String headers, InputStream content) {
        String disposition = null;
        String contentType = null;
        for (String header : headers.split("\n")) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                throw malformed("a part header has no colon: " + header.strip());
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            if (name.equals("content-disposition")) {
                disposition = value;
            } else if (name.equals("content-type")) {
                contentType = value;
            }
        }
        if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw malformed("every part needs 'Content-Disposition: form-data; name=\"…\"'");
        }
        String name = parameter(disposition, "name");
        if (name == null || name.isEmpty()) {
            throw malformed("a part has no name");
        }
        return new Part(name, parameter(disposition, "filename"), contentType, content);
    }

    /** A parameter of a {@code Content-Disposition} value; quoted strings may hold semicolons. */
    private static String parameter(String disposition, String wanted) {
        int i = disposition.indexOf(';');
        while (i >= 0 && i < disposition.length()) {
            int equals = disposition.indexOf('=', i);
            if (equals < 0) {
                return null;
            }
            String key = disposition.substring(i + 1, equals).strip().toLowerCase(Locale.ROOT);
            int valueStart = equals + 1;
            int valueEnd;
            String value;
            if (valueStart < disposition.length() && disposition.charAt(valueStart) == '"') {
                StringBuilder quoted = new StringBuilder();
                int j = valueStart + 1;
                while (j < disposition.length() && disposition.charAt(j) != '"') {
                    char c = disposition.charAt(j);
                    if (c == '\\' && j + 1 < disposition.length()) {
                        c = disposition.charAt(++j);
                    }
                    quoted.append(c);
                    j++;
                }
                value = quoted.toString();
                valueEnd = disposition.indexOf(';', j);
            } else {
                valueEnd = disposition.indexOf(';', valueStart);
                value = disposition.substring(valueStart, valueEnd < 0 ? disposition.length() : valueEnd).strip();
            }
            if (key.equals(wanted)) {
                return value;
            }
            i = valueEnd;
        }
        return null;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** Makes at least {@code wanted} bytes available in the window, unless the body ends first. */
    private void fill(int wanted) throws IOException {
        if (end - start >= wanted || eof) {
            return;
        }
        if (start > 0) {
            System.arraycopy(window, start, window, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end - start < wanted && !eof) {
            int read;
            try {
                read = in.read(window, end, window.length - end);
            } catch (IOException e) {
                throw new BodyInterruptedException(e);
            }
            if (read < 0) {
                eof = true;
            } else {
                end += read;
            }
        }
    }

    /** Where the delimiter starts in the window, or -1; a delimiter cut by the window's end is not found. */
    private int delimiterIndex() {
        byte first = delimiter[0];
        int last = end - delimiter.length;
        for (int i = start; i <= last; i++) {
            if (window[i] == first && matchesAt(i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchesAt(int index) {
        for (int k = 1; k < delimiter.length; k++) {
            if (window[index + k] != delimiter[k]) {
                return false;
            }
        }
        return true;
    }

    private static InvalidInputException malformed(String message) {
        return InvalidInputException.of("body", "web.multipart-body-cannot-read", message);
    }

    /** The body could not be read to its end: the client went away, or the connection failed. */
    public static final class BodyInterruptedException extends IOException {
        BodyInterruptedException(IOException cause) {
            super("the request body could not be read to its end", cause);
        }
    }

    /** A part's content: the bytes up to the next delimiter, which it consumes. */
    private final class PartContent extends InputStream {

        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            fill(delimiter.length);
            int found = delimiterIndex();
            if (found == start) {
                start += delimiter.length;
                done = true;
                return -1;
            }
            // without a delimiter in view, all but its length minus one may be given out: a delimiter may be arriving
            int safe = found >= 0 ? found : Math.max(start, end - delimiter.length + 1);
            if (safe == start) {
                // fill() stops short of a delimiter's length only at the end of the body
                throw malformed("the body ends before the part's closing delimiter");
            }
            int count = Math.min(length, safe - start);
            System.arraycopy(window, start, into, offset, count);
            start += count;
            return count;
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // discarded
            }
        }
    }
}
