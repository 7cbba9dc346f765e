package tw.training.catalogue;

import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tw.training.startup.MigrateOption;
import tw.training.problem.ConflictException;
import tw.training.problem.InvalidInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code java -jar app.jar import [--code CODE] FILE}: imports one document into the configured database
 * with the same rules as {@code POST /api/standards}, without starting the HTTP server.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports an iCAP standard, model or unit (UTF-8 text) into the configured database.")
public class ImportCommand implements Callable<Integer> {

    @Mixin
    MigrateOption migrations;

    static final int UNREADABLE = 1;
    /** Not 2, which every command answers when a setting is missing or wrong (StartFailure). */
    static final int CONFLICT = 5;

    /** The file named {@code -}: standard input, which any locale carries whatever the file's name. */
    static final String STANDARD_INPUT = "-";

    @Parameters(paramLabel = "FILE", description = "the document's exported UTF-8 text; - reads it from standard input")
    Path file;

    @Option(names = "--code", description = "the code to file it under when its text has none (models)")
    String code;

    @Inject
    CatalogueService catalogue;

    @Override
    public Integer call() throws IOException {
        boolean piped = STANDARD_INPUT.equals(file.toString());
        String text = piped ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(file, StandardCharsets.UTF_8);
        String source = piped ? "standard input" : file.toString();
        try {
            ImportResult result = catalogue.importDocument(text, code);
            System.out.printf("%s %s: %s (%d tasks, %d indicators)%n", result.kind(), result.code(),
                    result.outcome(), result.tasks(), result.indicators());
            result.warnings().forEach(warning -> System.out.println("warning: " + where(warning.line()) + warning.message()));
            return 0;
        } catch (InvalidInputException e) {
            System.err.println(source + ": " + e.getMessage());
            e.errors().forEach(error -> System.err.println("  " + where(error.line()) + error.message()));
            return UNREADABLE;
        } catch (ConflictException e) {
            System.err.println(source + ": " + e.getMessage());
            return CONFLICT;
        }
    }

    private static String where(Integer line) {
        return line == null ? "" : "line " + line + ": ";
    }
}
