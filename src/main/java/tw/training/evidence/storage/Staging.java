package tw.training.evidence.storage;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import tw.training.problem.InvalidInputException;
import tw.training.problem.PayloadTooLargeException;
import tw.training.problem.UnsupportedContentException;

import java.io.IOException;
import java.io.InputStream;
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
 * The staging folder: each upload streams into a file of it while its SHA-256 and size are computed and its
 * first bytes kept to tell the type; only a checked file may move into the store. A refused or failed upload
 * leaves no staged file.
 */
@Singleton
public class Staging {

    private static final int CHUNK = 64 * 1024;

    private final Path folder;

    Staging(@Value("${app.evidence.staging-dir:./data/evidence-incoming}") String folder) {
        this.folder = Path.of(folder).toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the staging folder " + this.folder, e);
        }
    }

    /**
     * Streams one upload into a new staging file, computing its SHA-256 and size on the way and keeping its first
     * bytes to tell its type. Writing stops as soon as the file passes {@code maxBytes}; a file that fails any
     * check (too large, empty, of a type not accepted) is deleted before the failure is thrown.
     *
     * @param field the part the file came in, named by the failures
     */
    public StagedFile stage(InputStream content, String originalName, long maxBytes, String field) throws IOException {
        String filename = FileNames.safe(originalName);
        Path path = folder.resolve(UUID.randomUUID() + ".part");
        MessageDigest sha256 = sha256();
        byte[] head = new byte[ContentTypes.HEAD];
        int headLength = 0;
        long size = 0;
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(path)) {
            byte[] chunk = new byte[CHUNK];
            for (int read = content.read(chunk); read >= 0; read = content.read(chunk)) {
                size += read;
                if (size > maxBytes) {
                    throw new PayloadTooLargeException("evidence.larger-than-limit-per-file", filename, PayloadTooLargeException.size(maxBytes));
                }
                if (headLength < head.length) {
                    int copied = Math.min(read, head.length - headLength);
                    System.arraycopy(chunk, 0, head, headLength, copied);
                    headLength += copied;
                }
                sha256.update(chunk, 0, read);
                out.write(chunk, 0, read);
            }
            out.close();
            if (size == 0) {
                throw InvalidInputException.of(field, "evidence.empty", filename);
            }
            String contentType = ContentTypes.detect(head, headLength, filename).orElseThrow(() -> new UnsupportedContentException(
                    "evidence.none-accepted-types-pdf-images", filename));
            kept = true;
            return new StagedFile(path, filename, contentType, size, HexFormat.of().formatHex(sha256.digest()));
        } finally {
            if (!kept) {
                Files.deleteIfExists(path);
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
