package tw.training.evidence.storage;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import tw.training.problem.PayloadTooLargeException;
import tw.training.problem.UnsupportedContentException;

import java.io.IOException;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The staging folder: the server streams each upload into a file of it (a {@link Sink}), which computes the
 * SHA-256 and size on the way and keeps the first bytes to tell the type; only a checked file may move into
 * the store. A refused or failed upload leaves no staged file.
 */
@Singleton
public class Staging {

    private static final int CHUNK = 1024 * 1024;

    private final Path folder;

    Staging(@Value("${app.evidence.staging-dir:./data/evidence-incoming}") String folder) {
        this.folder = Path.of(folder).toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the staging folder " + this.folder, e);
        }
    }

    /** A new file of the staging folder for the server to stream one upload into. */
    public Sink open() throws IOException {
        return new Sink(folder.resolve(UUID.randomUUID() + ".part"));
    }

    /**
     * Where an upload streams to: a staging file written as the bytes arrive, while their SHA-256 and size are
     * computed and the first bytes kept to tell the type. Nothing else of the file is held in memory.
     */
    public static final class Sink extends OutputStream {

        private final Path path;
        private final OutputStream out;
        private final MessageDigest sha256 = sha256();
        private final byte[] head = new byte[ContentTypes.HEAD];
        private int headLength;
        private long size;

        private Sink(Path path) throws IOException {
            this.path = path;
            this.out = new BufferedOutputStream(Files.newOutputStream(path), CHUNK);
        }

        public Path path() {
            return path;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (headLength < head.length) {
                int copied = Math.min(length, head.length - headLength);
                System.arraycopy(bytes, offset, head, headLength, copied);
                headLength += copied;
            }
            sha256.update(bytes, offset, length);
            size += length;
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        /**
         * The staged file once the upload is complete: its type told from its first bytes, its size checked.
         * A file that fails the checks is deleted.
         */
        public StagedFile finish(String originalName, long maxBytes) throws IOException {
            close();
            String filename = FileNames.safe(originalName);
            boolean kept = false;
            try {
                if (size > maxBytes) {
                    throw tooLarge(filename, maxBytes);
                }
                String contentType = ContentTypes.detect(head, headLength, filename).orElseThrow(() -> new UnsupportedContentException(
                        "'" + filename + "' is none of the accepted types (PDF, images, audio, video, office documents, plain text)"));
                kept = true;
                return new StagedFile(path, filename, contentType, size, HexFormat.of().formatHex(sha256.digest()));
            } finally {
                if (!kept) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Removes staged files; at start, every one is a leftover of an interrupted upload. */
    public int clear() {
        try (Stream<Path> files = Files.list(folder)) {
            int removed = 0;
            for (Path file : files.toList()) {
                removed += Files.deleteIfExists(file) ? 1 : 0;
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void discard(StagedFile file) {
        try {
            Files.deleteIfExists(file.path());
        } catch (IOException ignored) {
            // a leftover is swept at the next start
        }
    }

    private static PayloadTooLargeException tooLarge(String filename, long maxBytes) {
        return new PayloadTooLargeException("'" + filename + "' is larger than the limit of " + maxBytes + " bytes per file");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
