package tw.training.secret;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.training.problem.ConfigurationProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * Where a secret comes from when it is not configured. Instances sharing a database must sign alike, so there it must be
 * configured (the start stops naming the setting); on the embedded H2 file it is generated once into the data folder
 * (mode 600), so a restart keeps what it signed valid; on an in-memory database (tests) it is fresh per start.
 *
 * @param setting   the environment variable that configures it, named when it is missing
 * @param need      what a configured value must be, in words
 * @param file      its file in the data folder on the embedded default
 * @param generator a new secret, as text
 */
public record KeptSecret(String setting, String need, String file, Supplier<String> generator) {

    private static final Logger LOG = LoggerFactory.getLogger(KeptSecret.class);

    /** The secret for a server on {@code databaseUrl} whose data folder is {@code dataDir}, when none is configured. */
    public String unconfigured(Path dataDir, String databaseUrl) {
        if (databaseUrl.startsWith("jdbc:h2:file:")) {
            return keptIn(dataDir.resolve(file));
        }
        if (databaseUrl.startsWith("jdbc:h2:mem:")) {
            return generator.get();
        }
        throw new ConfigurationProblem(setting, "is required (" + need + ") with a database other than the embedded H2 file:"
                + " every instance must sign with the same one");
    }

    private String keptIn(Path path) {
        try {
            if (!Files.exists(path)) {
                Files.createDirectories(path.getParent());
                try {
                    Files.writeString(Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                            generator.get());
                    LOG.info("Generated {} in {}", setting, path);
                } catch (FileAlreadyExistsException raced) {
                    // another process wrote it first; use theirs
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(path, generator.get());
                }
            }
            return Files.readString(path).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + setting + " in " + path, e);
        }
    }
}
