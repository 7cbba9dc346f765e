package tw.training.evidence.storage;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
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
 * Streams an upload to a file of the staging folder in fixed-size chunks, computing its SHA-256 and size on
 * the way, deciding its type from its first bytes and stopping as soon as it exceeds the limit. A refused or
 * failed upload leaves no staged file.
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

    public StagedFile stage(InputStream in, String originalName, long maxBytes) throws IOException {
        String filename = FileNames.safe(originalName);
        Path staged = folder.resolve(UUID.randomUUID() + ".part");
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(staged)) {
            MessageDigest sha256 = sha256();
            byte[] buffer = new byte[Math.max(CHUNK, ContentTypes.HEAD)];
            int head = in.readNBytes(buffer, 0, ContentTypes.HEAD);
            String contentType = ContentTypes.detect(buffer, head, filename).orElseThrow(() -> new UnsupportedContentException(
                    "'" + filename + "' is none of the accepted types (PDF, images, audio, video, office documents, plain text)"));
            long size = head;
            if (size > maxBytes) {
                throw tooLarge(filename, maxBytes);
            }
            sha256.update(buffer, 0, head);
            out.write(buffer, 0, head);
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                size += read;
                if (size > maxBytes) {
                    throw tooLarge(filename, maxBytes);
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
            kept = true;
            return new StagedFile(staged, filename, contentType, size, HexFormat.of().formatHex(sha256.digest()));
        } finally {
            if (!kept) {
                Files.deleteIfExists(staged);
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
