package tw.training;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.jdbc.DataSourceResolver;
import picocli.CommandLine;
import tw.training.startup.ArgumentEncoding;
import tw.training.startup.MigrateOption;
import tw.training.startup.PendingMigrations;
import tw.training.startup.StartFailure;

import tw.training.health.Dependencies;

import javax.sql.DataSource;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one command of the jar against the configured database: only the beans it uses are made, so it needs only their
 * settings; migrations are applied only with {@code --migrate}; whatever stops it is one line on standard error with
 * the exit code of {@link StartFailure}, never a stack trace.
 */
final class Commands {

    private static final String MIGRATIONS = "flyway.datasources.default.enabled";
    private static final List<String> ASKING_FOR_HELP = List.of("-h", "--help", "-V", "--version");

    private Commands() {
    }

    static int run(Class<?> command, String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.stream().anyMatch(ASKING_FOR_HELP::contains)) {
            // help needs no database
            return new CommandLine(command).execute(args);
        }
        Optional<String> unreadable = ArgumentEncoding.refusal(args.length);
        if (unreadable.isPresent()) {
            System.err.println(unreadable.get());
            return StartFailure.SETTING;
        }
        boolean migrate = arguments.contains(MigrateOption.FLAG);
        ApplicationContext context = ApplicationContext.builder(command, Environment.CLI).deduceEnvironment(false)
                .properties(Map.of(MIGRATIONS, migrate)).build();
        try {
            context.start();
            if (!migrate) {
                Optional<String> lacking = PendingMigrations.in(context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class)),
                        context.getProperty("flyway.datasources.default.locations", String.class).orElse("classpath:db/migration"));
                if (lacking.isPresent()) {
                    System.err.println(lacking.get());
                    return StartFailure.SCHEMA;
                }
            }
            CommandLine line = new CommandLine(command, new MicronautFactory(context));
            line.setExecutionExceptionHandler((failure, refusedLine, parsed) -> stopped(refusedLine.getCommandName(), failure, context));
            return line.execute(args);
        } catch (RuntimeException failure) {
            return refuse(failure, context);
        } finally {
            if (context.isRunning()) {
                context.close();
            }
        }
    }

    /** A failure while the command ran: a setting or the database as at start, else what stopped it, in its own words. */
    private static int stopped(String command, Exception failure, ApplicationContext context) {
        StartFailure refused = failure(failure, context);
        if (refused.exitCode() != StartFailure.OTHER) {
            return told(refused);
        }
        System.err.println(command + " stopped: " + (failure instanceof NoSuchFileException ? "no such file: " : "") + Dependencies.reason(failure));
        return StartFailure.OTHER;
    }

    private static int refuse(Exception failure, ApplicationContext context) {
        return told(failure(failure, context));
    }

    private static StartFailure failure(Exception failure, ApplicationContext context) {
        return StartFailure.of(failure, name -> context.getEnvironment().getProperty(name, String.class).orElse(null));
    }

    private static int told(StartFailure refused) {
        System.err.println(refused.line());
        return refused.exitCode();
    }
}
