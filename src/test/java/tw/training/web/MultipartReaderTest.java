package tw.training.web;

import org.junit.jupiter.api.Test;
import tw.training.problem.InvalidInputException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The multipart reader on bodies delivered whole and a byte at a time, so delimiters fall across every read. */
class MultipartReaderTest {

    private static final String BOUNDARY = "b0undary";

    @Test
    void readsPartsInOrderWithNamesFileNamesAndContentWhateverTheReadSizes() throws IOException {
        byte[] file = new byte[200_000];
        for (int i = 0; i < file.length; i++) {
            // bytes that look like the start of a delimiter, often
            file[i] = (byte) (i % 7 == 0 ? '\r' : i % 11 == 0 ? '-' : i);
        }
        String head = "preamble to ignore\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"報告;v2.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        String tail = "\r\n--" + BOUNDARY + "  \r\ncontent-disposition: form-data; name=metadata\r\n\r\n{\"a\":1}\r\n--" + BOUNDARY + "--\r\nepilogue";
        byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), file, tail.getBytes(StandardCharsets.UTF_8));

        for (boolean trickle : List.of(false, true)) {
            List<MultipartReader.Part> parts = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            MultipartReader reader = new MultipartReader(trickle ? new Trickle(body) : new ByteArrayInputStream(body), BOUNDARY);
            for (Optional<MultipartReader.Part> part = reader.next(); part.isPresent(); part = reader.next()) {
                parts.add(part.get());
                contents.add(part.get().content().readAllBytes());
            }

            assertEquals(2, parts.size());
            assertEquals("file", parts.get(0).name());
            assertEquals("報告;v2.pdf", parts.get(0).filename());
            assertEquals("application/pdf", parts.get(0).contentType());
            assertArrayEquals(file, contents.get(0));
            assertEquals("metadata", parts.get(1).name());
            assertNull(parts.get(1).filename());
            assertEquals("{\"a\":1}", new String(contents.get(1), StandardCharsets.UTF_8));
        }
    }

    @Test
    void skipsWhatIsLeftOfAPartNobodyRead() throws IOException {
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunread\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nread\r\n--" + BOUNDARY + "--").getBytes(StandardCharsets.UTF_8);
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY);

        assertEquals("a", reader.next().orElseThrow().name());
        MultipartReader.Part b = reader.next().orElseThrow();
        assertEquals("read", new String(b.content().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), reader.next());
    }

    @Test
    void refusesBrokenBodies() {
        List<String> broken = List.of(
                "",
                "no delimiter at all",
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nnever closed",
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\nheaders never end",
                "--" + BOUNDARY + "\r\nX-Other: 1\r\n\r\nno disposition\r\n--" + BOUNDARY + "--",
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--" + BOUNDARY + "--",
                "--" + BOUNDARY + "xyz\r\n",
                "--" + BOUNDARY + "\r\n" + "X-Long: " + "h".repeat(10_000) + "\r\n\r\n");
        for (String body : broken) {
            MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), BOUNDARY);
            assertThrows(InvalidInputException.class, () -> {
                for (Optional<MultipartReader.Part> part = reader.next(); part.isPresent(); part = reader.next()) {
                    part.get().content().readAllBytes();
                }
            }, body.length() > 80 ? body.substring(0, 80) : body);
        }
    }

    @Test
    void readsTheBoundaryOfAContentType() {
        assertEquals(Optional.of("abc"), MultipartReader.boundaryOf("multipart/form-data; boundary=abc"));
        assertEquals(Optional.of("a b"), MultipartReader.boundaryOf("multipart/form-data; charset=utf-8; BOUNDARY=\"a b\""));
        assertEquals(Optional.empty(), MultipartReader.boundaryOf("multipart/form-data"));
        assertThrows(InvalidInputException.class, () -> new MultipartReader(InputStream.nullInputStream(), ""));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    /** Gives out one byte per read, as a slow network might. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private int next;

        Trickle(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return next < bytes.length ? bytes[next++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (next >= bytes.length) {
                return -1;
            }
            into[offset] = bytes[next++];
            return 1;
        }
    }
}
