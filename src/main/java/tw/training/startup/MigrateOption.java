package tw.training.startup;

import picocli.CommandLine.Option;

/**
 * The option every command of the jar takes. A command changes no schema unless told: an operator who runs
 * {@code reconcile-evidence} with a newer jar against production must not upgrade the database by the way.
 */
public class MigrateOption {

    public static final String FLAG = "--migrate";

    @Option(names = FLAG, description = "first apply the database migrations this jar carries; without it the command "
            + "changes no schema and refuses a database that lacks them")
    boolean migrate;
}
