package tw.training;

import io.micronaut.configuration.picocli.PicocliRunner;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import tw.training.catalogue.ImportCommand;
import tw.training.progress.RebuildProgressCommand;

import java.util.Arrays;

/**
 * Starts the HTTP server, or with {@code import …} or {@code rebuild-progress} as arguments runs that
 * subcommand in the same jar against the configured database.
 */
@OpenAPIDefinition(info = @Info(title = "competency-backend", version = "0.1.0",
        description = "Competency-based training on Taiwan's iCAP standards: catalogue, courses, evidence, progress, certificates"))
public class Application {

    public static void main(String[] args) {
        if (args.length > 0 && "import".equals(args[0])) {
            System.exit(PicocliRunner.execute(ImportCommand.class, Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "rebuild-progress".equals(args[0])) {
            System.exit(PicocliRunner.execute(RebuildProgressCommand.class, Arrays.copyOfRange(args, 1, args.length)));
        }
        // no probing for cloud platforms at start: the environment is what the configuration says
        Micronaut.build(args).mainClass(Application.class).deduceEnvironment(false).banner(false).start();
    }
}
