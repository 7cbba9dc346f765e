package tw.training.evidence.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Files under a folder of the local disk ({@code ./data/evidence} by default), one file per key. */
public final class LocalEvidenceStore implements EvidenceStore {

    private final Path root;

    public LocalEvidenceStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the evidence folder " + this.root, e);
        }
    }

    @Override
    public void put(String key, Path staged, String contentType) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException notOnTheSameDisk) {
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            Files.copy(staged, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(staged);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return Files.newInputStream(resolve(key));
        } catch (NoSuchFileException missing) {
            throw new MissingObjectException(key);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            Files.delete(resolve(key));
        } catch (NoSuchFileException alreadyGone) {
            // deleting is idempotent
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public void list(String prefix, Consumer<StoredObject> each) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String key = root.relativize(file).toString().replace('\\', '/');
                if (key.startsWith(prefix)) {
                    each.accept(new StoredObject(key, Files.size(file), Files.getLastModifiedTime(file).toInstant()));
                }
            }
        }
    }

    @Override
    public void check() throws IOException {
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new IOException("the evidence folder " + root + " is missing or not writable");
        }
    }

    @Override
    public String describe() {
        return "folder " + root;
    }

    /** Keys are generated, but a key must never reach outside the folder whatever it says. */
    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("storage key outside the evidence folder: " + key);
        }
        return path;
    }
}
