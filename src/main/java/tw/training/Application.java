package tw.training;

import io.micronaut.context.ApplicationContext;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import picocli.CommandLine;
import tw.training.badge.BadgeKeyCommand;
import tw.training.thirdparty.VerifyReportCommand;
import tw.training.transparency.AuditVerifyCommand;
import tw.training.catalogue.ImportCommand;
import tw.training.evidence.CopyEvidenceCommand;
import tw.training.evidence.ReconcileEvidenceCommand;
import tw.training.progress.RebuildProgressCommand;
import tw.training.startup.ClassArchiveTraining;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Starts the HTTP server, or with a command's name as first argument runs that command in the same jar against
 * the configured database: {@code import}, {@code rebuild-progress}, {@code reconcile-evidence},
 * {@code copy-evidence}; or {@code badge-key}, which needs none.
 */
@OpenAPIDefinition(info = @Info(title = "competency-backend", version = "0.1.0",
        description = "Competency-based training on Taiwan's iCAP standards: catalogue, courses, evidence, progress, certificates"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "The access_token that POST /login answers")
public class Application {

    private static final Map<String, Class<?>> COMMANDS = Map.of(
            "import", ImportCommand.class,
            "rebuild-progress", RebuildProgressCommand.class,
            "reconcile-evidence", ReconcileEvidenceCommand.class,
            "copy-evidence", CopyEvidenceCommand.class);

    /** Commands that use no database: they run without the application's context. */
    private static final Map<String, Class<?>> STANDALONE = Map.of("badge-key", BadgeKeyCommand.class,
            "verify-report", VerifyReportCommand.class, "audit-verify", AuditVerifyCommand.class);

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (COMMANDS.containsKey(args[0]) || STANDALONE.containsKey(args[0]))) {
            // what the commands print (file names, a document's lines) is Chinese: UTF-8, not whatever the locale can encode
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
            String[] arguments = Arrays.copyOfRange(args, 1, args.length);
            System.exit(STANDALONE.containsKey(args[0]) ? new CommandLine(STANDALONE.get(args[0])).execute(arguments)
                    : Commands.run(COMMANDS.get(args[0]), arguments));
        }
        if (args.length > 0 && args[0].equals(ClassArchiveTraining.COMMAND)) {
            ApplicationContext server = start(Arrays.copyOfRange(args, 1, args.length));
            ClassArchiveTraining.exercise(server);
            server.close();
            System.exit(0);
        }
        start(args);
    }

    private static ApplicationContext start(String[] args) {
        // no probing for cloud platforms at start: the environment is what the configuration says
        return new Start().args(args).mainClass(Application.class).deduceEnvironment(false).banner(false).start();
    }
}
