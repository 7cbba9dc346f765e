package tw.training.catalogue;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tw.training.testing.TestDatabases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar … import FILE}: the same import as the API, into the configured database, no server. */
@Tag("database")
class ImportCommandTest {

    private static final String NIGHT_AUDIT = "src/test/resources/documents/model-night-audit.txt";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private ApplicationContext context;

    @BeforeEach
    void start() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Map<String, Object> properties = new HashMap<>(TestDatabases.fresh());
        context = ApplicationContext.builder(Environment.CLI, Environment.TEST).properties(properties).start();
    }

    @AfterEach
    void stop() {
        context.close();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void importsAFileIntoTheConfiguredDatabaseOnce() {
        int first = importFile("--code", "THM4224-M02", NIGHT_AUDIT);
        int second = importFile("--code", "THM4224-M02", NIGHT_AUDIT);

        assertEquals(0, first);
        assertEquals(0, second);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("MODEL THM4224-M02: IMPORTED (3 tasks, 6 indicators)"), printed);
        assertTrue(printed.contains("MODEL THM4224-M02: UNCHANGED"), printed);
        assertTrue(printed.contains("warning: expected indicator P2.1.2 but found P2.1.3"), printed);
        assertTrue(context.getBean(CatalogueService.class).find("THM4224-M02").isPresent());
    }

    @Test
    void doesNotImportTheSeedsItself() {
        importFile("--code", "THM4224-M02", NIGHT_AUDIT);

        assertEquals(1, context.getBean(CatalogueService.class).list(null, null).size());
    }

    @Test
    void reportsUnreadableLinesWithExitCodeOne(@TempDir Path folder) throws IOException {
        Path garbage = Files.writeString(folder.resolve("garbage.txt"), "not\na standard");

        int exit = importFile(garbage.toString());

        assertEquals(ImportCommand.UNREADABLE, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 2: not understood: 'a standard'"), err.toString(StandardCharsets.UTF_8));
        assertTrue(context.getBean(CatalogueService.class).list(null, null).isEmpty());
    }

    @Test
    void reportsAConflictWithExitCodeTwo(@TempDir Path folder) throws IOException {
        importFile("--code", "THM4224-M02", NIGHT_AUDIT);
        String changed = Files.readString(Path.of(NIGHT_AUDIT)).replace("將報告送交權責主管。", "將報告送交主管。");
        Path file = Files.writeString(folder.resolve("changed.txt"), changed);

        int exit = importFile("--code", "THM4224-M02", file.toString());

        assertEquals(ImportCommand.CONFLICT, exit);
        assertFalse(err.toString(StandardCharsets.UTF_8).isEmpty());
    }

    private int importFile(String... args) {
        return new CommandLine(ImportCommand.class, new MicronautFactory(context)).execute(args);
    }
}
