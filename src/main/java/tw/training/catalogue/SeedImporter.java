package tw.training.catalogue;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import tw.training.startup.StartupTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.training.problem.ConflictException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Imports the official documents of {@code seeds/} when the server starts, before it answers anyone.
 * Importing is idempotent, so every later start finds them unchanged and does nothing.
 */
@Singleton
@Requires(property = "app.seeds.enabled", value = "true", defaultValue = "true")
@Requires(notEnv = Environment.CLI)
class SeedImporter implements StartupTask {

    private static final Logger LOG = LoggerFactory.getLogger(SeedImporter.class);
    private static final String MANIFEST = "seeds/manifest.tsv";

    private final CatalogueService catalogue;

    SeedImporter(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void run() {
        for (String entry : read(MANIFEST).lines().toList()) {
            if (entry.isBlank() || entry.startsWith("#")) {
                continue;
            }
            List<String> fields = List.of(entry.split("\t"));
            String code = fields.size() > 1 ? fields.get(1).strip() : null;
            try {
                catalogue.importUnlessPresent(read("seeds/" + fields.get(0).strip()), code);
            } catch (ConflictException e) {
                // someone imported other content under a seed's code; theirs stays, and we say so
                LOG.warn("Seed {} not imported: {}", fields.get(0), e.getMessage());
            }
        }
    }

    /**
     * Through the class loader, which reads the jar it already has open: Micronaut's resource resolver opens the
     * packaged jar as a zip file system on every call (its 45,000 entries indexed anew, about 0.1 s a seed).
     */
    private String read(String location) {
        try (InputStream in = SeedImporter.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("seed file missing from the build: " + location);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
